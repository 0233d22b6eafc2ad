import Foundation
import Testing

/// The CI recipe run as written, in a git repository: dates from git history, the changes
/// since the previous tag, and the published copy in a web root.
@Suite(.enabled(if: Tool.available("git", "rsync")))
struct GitPublishingTests {
    /// A content repository like a bureau's: content/, theme/ and deploy/ committed on
    /// 2026-11-01 and tagged `v1`.
    func repository() async throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for part in ["content", "theme", "deploy"] {
            try FileManager.default.copyItem(at: Rectify.repository.appending(path: part), to: folder.url.appending(path: part))
        }
        try await git(folder, ["init", "-q", "-b", "main"])
        try await git(folder, ["add", "-A"])
        try await git(folder, ["commit", "-q", "-m", "第一次发布"], date: "2026-11-01T10:00:00+08:00")
        try await git(folder, ["tag", "v1"])
        return folder
    }

    @discardableResult
    func git(_ folder: TemporaryFolder, _ arguments: [String], date: String? = nil) async throws -> String {
        var environment = ["GIT_AUTHOR_NAME": "测试", "GIT_AUTHOR_EMAIL": "test@example.invalid",
                           "GIT_COMMITTER_NAME": "测试", "GIT_COMMITTER_EMAIL": "test@example.invalid"]
        if let date { environment["GIT_AUTHOR_DATE"] = date; environment["GIT_COMMITTER_DATE"] = date }
        let result = try await Tool.run("git", arguments, in: folder.url, environment: environment)
        #expect(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.output)")
        return result.output
    }

    func publish(_ folder: TemporaryFolder, webRoot: URL) async throws -> Tool.Result {
        try await Tool.run("bash", ["deploy/publish.sh"], in: folder.url, environment: [
            "RECTIFY": Rectify.executable.path, "AS_OF": "2026-11-26", "WEB_ROOT": webRoot.path, "PDF": "no",
        ])
    }

    @Test func theRecipePublishesACommittedEditWithItsGitDate() async throws {
        let repository = try await repository()
        let item = repository.url.appending(path: "content/items/1.2.1.md")
        let edited = try String(contentsOf: item, encoding: .utf8)
            .replacingOccurrences(of: "status: in_progress", with: "status: done")
            .replacingOccurrences(of: "updates:\n", with: "updates:\n  - date: 2026-11-25\n    status: done\n    note: \"低保动态调整全部完成，整改销号。\"\n")
        try edited.write(to: item, atomically: true, encoding: .utf8)
        try await git(repository, ["commit", "-q", "-am", "1.2.1 整改完成"], date: "2026-11-25T16:30:00+08:00")

        let webRoot = repository.url.appending(path: "www")
        let result = try await publish(repository, webRoot: webRoot)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("content：0 处错误，0 处提醒"), "the zh-CN site's check speaks Chinese")
        #expect(result.output.contains("Published public/ to \(webRoot.path)/"))

        let page = try String(contentsOf: webRoot.appending(path: "items/1.2.1/index.html"), encoding: .utf8)
        #expect(page.contains("低保动态调整全部完成，整改销号。"))
        #expect(page.contains("<dt>最后修改</dt><dd><time datetime=\"2026-11-25\">2026-11-25</time></dd>"))
        let other = try String(contentsOf: webRoot.appending(path: "items/1.1.1/index.html"), encoding: .utf8)
        #expect(other.contains("<dt>最后修改</dt><dd><time datetime=\"2026-11-01\">2026-11-01</time></dd>"))

        // The changes since the previous tag, v1.
        let changes = try String(contentsOf: webRoot.appending(path: "changes/index.html"), encoding: .utf8)
        #expect(changes.contains("<code>v1</code>"))
        let closed = try #require(changes.range(of: "<h2>本期完成</h2>")), statuses = try #require(changes.range(of: "<h2>状态变化</h2>"))
        let updates = try #require(changes.range(of: "<h2>新增进展</h2>")), added = try #require(changes.range(of: "<h2>新增问题</h2>"))
        #expect(changes[closed.upperBound..<statuses.lowerBound].contains("1.2.1 "))
        #expect(changes[statuses.upperBound..<updates.lowerBound].contains("整改中 → 已完成"))
        #expect(changes[updates.upperBound..<added.lowerBound].contains("低保动态调整全部完成"))
        #expect(String(changes[updates.upperBound..<added.lowerBound]).occurrences(of: "<h3>") == 1, "only 1.2.1 has new updates")
        #expect(changes[added.upperBound...].contains("<p>无</p>"))
        #expect(try String(contentsOf: webRoot.appending(path: "index.html"), encoding: .utf8).contains("changes/index.html\">本期变化</a>"))

        // Publishing again after a page disappears removes it from the web root.
        try FileManager.default.removeItem(at: repository.url.appending(path: "content/pages/measures.md"))
        try await git(repository, ["commit", "-q", "-am", "删除页面"], date: "2026-11-26T09:00:00+08:00")
        #expect(try await publish(repository, webRoot: webRoot).status == 0)
        #expect(!FileManager.default.fileExists(atPath: webRoot.appending(path: "pages/measures/index.html").path))
    }

    @Test func withoutGitTheSiteBuildsTheSameWithoutDates() async throws {
        let site = try ScratchSite()  // a copy in a temporary folder, outside any repository
        #expect(try await site.build().status == 0)
        let page = try String(contentsOf: site.output.appending(path: "items/1.1.1/index.html"), encoding: .utf8)
        #expect(!page.contains("最后修改"))
        #expect(!FileManager.default.fileExists(atPath: site.output.appending(path: "changes").path))
        #expect(try await site.build(["--changes-since", "v1"]).stderr.contains("--changes-since: git cannot find revision \"v1\""))
    }

    /// Each recipe's shell steps, taken from its YAML and run in order in a clone of a content
    /// repository, as a runner would: `apt-get`, `pip3` and `swift` are stubs (the packages are
    /// installed here, and `swift build` puts the tested rectify where the build would), `date`
    /// says 2026-11-26, and WEB_ROOT and PUBLIC_WEB_ROOT are set. Both editions must be
    /// published, each with its search index.
    @Test(.enabled(if: Tool.available("python3")), arguments: ["deploy/gitlab-ci.yml", "deploy/github-actions.yml", "deploy/gitlab-ci-intranet.yml"])
    func eachRecipesStepsPublishBothEditionsWithSearch(recipe: String) async throws {
        let repository = try await repository()
        let steps = try await Tool.capture("/usr/bin/env", ["python3", "-c", """
            import sys, yaml, json
            recipe = yaml.safe_load(open(sys.argv[1]))
            if "rectify" in recipe:
                job = recipe["rectify"]
                steps = job.get("before_script", []) + job["script"]
            else:
                steps = [step["run"] for step in recipe["jobs"]["publish"]["steps"] if "run" in step]
            print(json.dumps(steps))
            """, Rectify.repository.appending(path: recipe).path])
        let commands = try #require(try JSONSerialization.jsonObject(with: Data(steps.stdout.utf8)) as? [String], "\(steps.stderr)")
        let intranet = recipe.hasSuffix("intranet.yml")
        #expect(intranet || commands.contains { $0.contains("pagefind-bin-extended") }, "the recipe installs Pagefind")
        #expect(!intranet || !commands.contains { $0.contains("apt-get") || $0.contains("swift ") || $0.contains("pip") },
                "the intranet recipe installs nothing and builds nothing")
        let stubs = repository.url.appending(path: "stubs")
        try FileManager.default.createDirectory(at: stubs, withIntermediateDirectories: true)
        let stubText = [
            "apt-get": "#!/bin/sh\nexit 0\n",
            "pip3": "#!/bin/sh\nexit 0\n",
            "swift": "#!/bin/sh\nmkdir -p .build/release && cp \(Rectify.executable.path) .build/release/rectify\n",
            "date": "#!/bin/sh\necho 2026-11-26\n",
        ]
        for (name, text) in stubText {
            try text.write(to: stubs.appending(path: name), atomically: true, encoding: .utf8)
            chmod(stubs.appending(path: name).path, 0o755)
        }
        let webRoot = repository.url.appending(path: "www"), publicRoot = repository.url.appending(path: "www-public")
        // The intranet recipe runs the unpacked bundle from RECTIFY_HOME (a CI/CD variable
        // overrides the recipe's /opt/rectify): here a folder that holds the tested rectify,
        // the theme and deploy/, as the bundle does; the content repository has no theme/.
        let home = repository.url.appending(path: "bundle")
        if intranet {
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: home.appending(path: "rectify"), withDestinationURL: Rectify.executable)
            try FileManager.default.copyItem(at: Rectify.repository.appending(path: "theme"), to: home.appending(path: "theme"))
            try FileManager.default.copyItem(at: Rectify.repository.appending(path: "deploy"), to: home.appending(path: "deploy"))
            try FileManager.default.removeItem(at: repository.url.appending(path: "theme"))
            try FileManager.default.removeItem(at: repository.url.appending(path: "deploy"))
        }
        let environment = ["RECTIFY_HOME": home.path, "PATH": stubs.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
                           "HOME": repository.url.path, "TZ": "Asia/Shanghai", "PDF": "no",
                           "WEB_ROOT": webRoot.path, "PUBLIC_WEB_ROOT": publicRoot.path]
        for command in commands {
            let result = try await Tool.capture("/bin/bash", ["-eo", "pipefail", "-c", command], in: repository.url, environment: environment, mergeErrors: true)
            #expect(result.status == 0, "\(recipe): \(command): \(result.stdout.suffix(600))")
            guard result.status == 0 else { return }
        }
        for root in [webRoot, publicRoot] {
            #expect(FileManager.default.fileExists(atPath: root.appending(path: "index.html").path), "\(root.lastPathComponent) was not published")
            #expect(FileManager.default.fileExists(atPath: root.appending(path: "pagefind/pagefind-entry.json").path), "\(root.lastPathComponent) has no search index")
        }
        let publicMarker = try String(contentsOf: publicRoot.appending(path: ".rectify-output"), encoding: .utf8)
        let internalMarker = try String(contentsOf: webRoot.appending(path: ".rectify-output"), encoding: .utf8)
        #expect(publicMarker.contains("edition: public") && internalMarker.contains("edition: internal"), "the two web roots hold the two editions")
    }

    @Test func theRecipesRunTheScriptInAFullClone() async throws {
        let gitlab = try String(contentsOf: Rectify.repository.appending(path: "deploy/gitlab-ci.yml"), encoding: .utf8)
        #expect(gitlab.contains("GIT_DEPTH: \"0\"") && gitlab.contains("deploy/publish.sh") && gitlab.contains("libcmark-gfm-dev"))
        let actions = try String(contentsOf: Rectify.repository.appending(path: "deploy/github-actions.yml"), encoding: .utf8)
        #expect(actions.contains("fetch-depth: 0") && actions.contains("deploy/publish.sh") && actions.contains("libcmark-gfm-dev"))
        for file in ["deploy/gitlab-ci.yml", "deploy/github-actions.yml"] {
            let parsed = try await Tool.run("python3", ["-c", "import sys, yaml; yaml.safe_load(open(sys.argv[1])); print('ok')", Rectify.repository.appending(path: file).path])
            #expect(parsed.output.contains("ok"), "\(file) is not valid YAML: \(parsed.output)")
        }
    }
}

/// `ledger.csv` and `data.json`, read back by real parsers (Python's csv and json modules).
@Suite struct ExportTests {
    @Test(.enabled(if: Tool.available("python3")))
    func theCSVLedgerOpensWithItsChineseIntact() async throws {
        let site = try ScratchSite()
        try site.write("items/zz.md", sampleItem(id: "9.9", title: "'含逗号, 引号\" 在内'", extra: "measures: \"=SUM(A1)\""))
        try site.write("items/zy.md", sampleItem(id: "9.8", title: "\"-cmd|' /C calc'!A0\"", extra: "measures: \"- 已完成排查\""))
        #expect(try await site.build().status == 0)
        let csv = site.output.appending(path: "ledger.csv")
        let bytes = try Data(contentsOf: csv)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with a byte-order mark, for Excel")
        #expect(String(decoding: bytes, as: UTF8.self).contains("\r\n"))
        let script = """
            import csv, sys, json
            with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
                rows = list(csv.reader(f, strict=True))
            print(json.dumps(rows, ensure_ascii=False))
            """
        let result = try await Tool.run("python3", ["-c", script, csv.path])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String]], "\(result.output)")
        #expect(rows.count == 29)
        #expect(rows[0] == ["序号", "编号", "所属方面", "问题类别", "问题", "整改措施", "责任领导", "责任单位", "完成时限", "整改状态", "时限状态", "最新进展日期", "最新进展"])
        #expect(rows[1].prefix(5) == ["1", "1.1.1", "用新思想引领推动民政工作，履行新时代民政工作的政治责任方面",
                                      "学习领会习近平总书记关于民政工作的指示批示精神不上心，推进民政工作高质量发展有弱项",
                                      "自觉贯彻落实“第一议题”学习制度有温差"])
        #expect(rows.allSatisfy { $0.count == 13 })
        let hostile = try #require(rows.last)
        #expect(hostile[1] == "9.9" && hostile[4] == "含逗号, 引号\" 在内")
        #expect(hostile[5] == "'=SUM(A1)", "a formula is neutralised")
        let dashes = try #require(rows.first { $0[1] == "9.8" })
        #expect(dashes[4] == "'-cmd|' /C calc'!A0", "a command after a minus sign is neutralised")
        #expect(dashes[5] == "- 已完成排查", "a note that starts with a dash and a space is left as written")
    }

    @Test func dataJSONHasEveryItemWithItsComputedState() async throws {
        let site = try ScratchSite()
        #expect(try await site.build().status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: site.output.appending(path: "data.json"))) as? [String: Any]
        let json = try #require(object)
        #expect(json["version"] as? Int == 1)
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.count == 26)
        let first = items[0]
        for key in ["id", "title", "category", "group", "status", "statusLabel", "done", "leader", "department", "departmentKey", "deadline", "deadlineState", "url", "updates"] {
            #expect(first[key] != nil, "items[0] lacks \(key)")
        }
        #expect(first["id"] as? String == "1.1.1" && first["deadlineState"] as? String == "completed-on-time")
        #expect((items.first { $0["id"] as? String == "1.2.1" })?["deadlineState"] as? String == "overdue")
        let totals = try #require(json["totals"] as? [String: Any])
        #expect(totals["items"] as? Int == 26 && totals["done"] as? Int == 8 && totals["overdue"] as? Int == 3)
        let siteInfo = try #require(json["site"] as? [String: Any])
        #expect(siteInfo["asOf"] as? String == "2026-11-26" && siteInfo["language"] as? String == "zh-CN")
    }
}

/// The changes page reads the baseline's items however they are kept.
@Suite(.enabled(if: Tool.available("git")))
struct ChangesPageTests {
    func git(_ folder: TemporaryFolder, _ arguments: [String], date: String? = nil) async throws {
        try await GitPublishingTests().git(folder, arguments, date: date)
    }

    /// An item kept as a folder (`items/<id>/index.md`) that did not change is no change.
    @Test func anUnchangedItemKeptAsAFolderIsNotReportedAsChanged() async throws {
        let repository = try TemporaryFolder()
        for part in ["content", "theme"] {
            try FileManager.default.copyItem(at: Rectify.repository.appending(path: part), to: repository.url.appending(path: part))
        }
        let items = repository.url.appending(path: "content/items")
        try FileManager.default.createDirectory(at: items.appending(path: "1.1.1"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: items.appending(path: "1.1.1.md"), to: items.appending(path: "1.1.1/index.md"))
        try await git(repository, ["init", "-q", "-b", "main"])
        try await git(repository, ["add", "-A"])
        try await git(repository, ["commit", "-q", "-m", "发布"], date: "2026-11-01T10:00:00+08:00")
        try await git(repository, ["tag", "v1"])
        let other = items.appending(path: "1.2.1.md")
        try String(contentsOf: other, encoding: .utf8).replacingOccurrences(of: "status: in_progress", with: "status: pending")
            .write(to: other, atomically: true, encoding: .utf8)
        try await git(repository, ["commit", "-q", "-am", "1.2.1"], date: "2026-11-20T10:00:00+08:00")

        let result = try await Tool.run(Rectify.executable.path, ["build", "--content", "content", "--theme", "theme", "--output", "public", "--as-of", "2026-11-26", "--no-search"],
                                  in: repository.url)
        #expect(result.status == 0, "\(result.output)")
        let changes = try String(contentsOf: repository.url.appending(path: "public/changes/index.html"), encoding: .utf8)
        #expect(changes.contains("items/1.2.1/index.html"))
        #expect(!changes.contains("items/1.1.1/index.html"), "the unchanged folder item is neither new, changed nor closed")
    }
}

/// `ledger.xlsx` read back by openpyxl, the reader Python's Excel users rely on, and
/// rendered to PDF by LibreOffice, as a real client would open it.
@Suite struct WorkbookTests {
    static let check = """
        import openpyxl, sys, json, datetime
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb[wb.sheetnames[0]]
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        def cell(v):
            return v.strftime("%Y-%m-%d") + "T" if isinstance(v, datetime.datetime) else v
        item = next(r for r in rows if r[1] == "1.2.1")
        hostile = next(r for r in rows if r[1] == "9.9")
        print(json.dumps({
            "sheets": wb.sheetnames, "title": wb.properties.title, "created": str(wb.properties.created),
            "merged": sorted(str(m) for m in ws.merged_cells.ranges),
            "row1": rows[0][0], "row2": rows[1][0], "header": rows[2], "group": rows[3][0],
            "item": [cell(v) for v in item], "hostile": [cell(v) for v in hostile],
            "hostileType": ws.cell(row=rows.index(hostile) + 1, column=12).data_type,
            "deadlineFormat": ws.cell(row=rows.index(item) + 1, column=9).number_format,
            "stateFill": ws.cell(row=rows.index(item) + 1, column=11).fill.fgColor.rgb,
            "printTitles": ws.print_title_rows, "orientation": ws.page_setup.orientation, "paper": ws.page_setup.paperSize,
            "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage, "fitToHeight": ws.page_setup.fitToHeight,
            "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref, "footer": ws.oddFooter.center.text,
            "updates": wb[wb.sheetnames[1]].max_row, "summary": [list(r) for r in wb[wb.sheetnames[2]].iter_rows(values_only=True)],
        }, ensure_ascii=False))
        """

    @Test(.enabled(if: Tool.available("python3")))
    func theWorkbookHasEverythingAnOfficeExpects() async throws {
        let site = try ScratchSite()
        try site.write("items/zz.md", sampleItem(id: "9.9", body: "正文", extra: "measures: \"=cmd|' /C calc'!A0\""))
        try site.edit("items/zz.md") { $0.replacingOccurrences(of: "note: 已推进。", with: "note: \"=HYPERLINK(\\\"http://x\\\")\"") }
        #expect(try await site.build().status == 0)
        let result = try await Tool.run("python3", ["-c", Self.check, site.output.appending(path: "ledger.xlsx").path])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], "\(result.output)")
        #expect(json["sheets"] as? [String] == ["整改台账", "全部进展", "整改情况汇总"])
        #expect(json["title"] as? String == "县民政局巡察反馈意见整改进展")
        #expect((json["created"] as? String)?.hasPrefix("2026-11-26") == true, "the as-of date is the creation date")
        #expect(json["row1"] as? String == "县民政局巡察反馈意见整改进展")
        #expect(json["row2"] as? String == "填报单位：县民政局党组    统计截至：2026-11-26")
        #expect((json["merged"] as? [String])?.contains("A1:M1") == true)
        #expect(json["header"] as? [String] == ["序号", "编号", "所属方面", "问题类别", "问题", "整改措施", "责任领导", "责任单位", "完成时限", "整改状态", "时限状态", "最新进展", "最新进展日期"])
        #expect(json["group"] as? String == "用新思想引领推动民政工作，履行新时代民政工作的政治责任方面（11）")
        let item = try #require(json["item"] as? [Any])
        #expect(item[8] as? String == "2026-11-15T", "完成时限 is a real date")
        #expect(item[10] as? String == "已逾期")
        #expect(item[12] as? String == "2026-11-18T")
        #expect(json["deadlineFormat"] as? String == "yyyy-mm-dd")
        #expect(json["stateFill"] as? String == "FFFDE2E2", "overdue is filled red")
        let hostile = try #require(json["hostile"] as? [Any])
        #expect(hostile[5] as? String == "=cmd|' /C calc'!A0", "a formula in the text stays text")
        #expect(hostile[11] as? String == "=HYPERLINK(\"http://x\")")
        #expect(json["hostileType"] as? String == "s", "written as a string cell, never a formula")
        #expect(json["printTitles"] as? String == "$3:$3")
        #expect(json["orientation"] as? String == "landscape" && json["paper"] as? Int == 9)
        #expect(json["fitToPage"] as? Bool == true && json["fitToHeight"] as? Int == 0)
        #expect(json["freeze"] as? String == "A4")
        #expect((json["filter"] as? String)?.hasPrefix("A3:M") == true)
        #expect(json["footer"] as? String == "第 &P 页 / 共 &N 页")
        #expect((json["updates"] as? Int ?? 0) > 40)
        let summary = try #require(json["summary"] as? [[Any]])
        #expect(summary.first?.first as? String == "所属方面" && summary.count == 5)
        #expect((summary.last?.last as? String)?.hasSuffix("%") == true)
    }

    @Test(.enabled(if: Tool.available("soffice", "pdftotext", "pdftoppm")))
    func libreOfficeRendersItOnA4LandscapeWithTheChineseIntact() async throws {
        let site = try ScratchSite()
        #expect(try await site.build().status == 0)
        let folder = try TemporaryFolder()
        let home = folder.url.appending(path: "home")
        let convert = try await Tool.run("soffice", ["--headless", "-env:UserInstallation=file://\(home.path)", "--convert-to", "pdf",
                                                     "--outdir", folder.url.path, site.output.appending(path: "ledger.xlsx").path])
        let pdf = folder.url.appending(path: "ledger.pdf")
        #expect(FileManager.default.fileExists(atPath: pdf.path), "\(convert.output)")
        let info = try await Poppler.info(pdf)
        #expect(info.width > info.height, "landscape")
        #expect(abs(info.width - 841.9) < 2, "A4")
        let text = try await Poppler.text(pdf, page: 1)
        #expect(text.contains("县民政局巡察反馈意见整改进展") && text.contains("自觉贯彻落实"), "the Chinese text is intact")
        let output = Rectify.repository.appending(path: "test-output/xlsx")
        try? FileManager.default.removeItem(at: output)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        #expect(try await Tool.run("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", pdf.path, output.appending(path: "ledger-xlsx").path]).status == 0)
    }
}

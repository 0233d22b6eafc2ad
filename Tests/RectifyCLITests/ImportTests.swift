import Foundation
import Testing

/// `rectify import`: the Excel ledger a bureau already keeps becomes a content folder.
@Suite(.enabled(if: Tool.available("python3")))
struct ImportTests {
    /// A workbook as offices make them, written by openpyxl: a title row, a note, a two-row
    /// header, 所属方面 and 问题类别 merged down their rows, serial and text dates, 长期坚持,
    /// an empty padding row, and one row whose status no one could map.
    static let makeWorkbook = """
        import openpyxl, sys, datetime
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "台账"
        ws["A1"] = "某县农业农村局巡察反馈问题整改台账"
        ws.merge_cells("A1:I1")
        ws["A2"] = "填报说明：每月25日前更新"
        ws.append(["序号", "所属方面", "问题类别", "存在问题", "整改措施", "责任", None, "整改时限", "完成情况"])
        ws.append([None, None, None, None, None, "牵头领导", "责任单位", None, None])
        ws.merge_cells("F3:G3")
        rows = [
            (1, "政治建设方面", "学习贯彻不到位", "理论学习走过场", "制定学习计划", "王某", "办公室", datetime.date(2026, 12, 31), "整改中"),
            (2, None, None, "调研不深入", "开展专题调研", "李某", "规划股", "2027年3月31日", "已完成"),
            (3, None, "落实决策有偏差", "项目推进慢", "倒排工期", "王某", "项目股、财务股", "2026.11.30", "未启动"),
            (None, None, None, None, None, None, None, None, None),
            (4, "作风建设方面", "形式主义", "文山会海", "精简会议", "赵某", "办公室", "长期坚持", "长期坚持"),
            (5, None, None, "督查检查多", "统筹督查", "赵某", "办公室", "2026/10/31", "研究中"),
        ]
        for row in rows:
            ws.append(list(row))
        ws.merge_cells("B5:B7")
        ws.merge_cells("C5:C6")
        ws.merge_cells("B9:B10")
        ws.merge_cells("C9:C10")
        wb.save(sys.argv[1])
        """

    func workbook() async throws -> (TemporaryFolder, URL) {
        let folder = try TemporaryFolder()
        let file = folder.url.appending(path: "台账.xlsx")
        let made = try await Tool.run("python3", ["-c", Self.makeWorkbook, file.path])
        #expect(made.status == 0, "\(made.output)")
        return (folder, file)
    }

    /// `rectify import`, its report in English unless `extra` names a `--lang`.
    func importing(_ file: URL, into content: URL, _ extra: [String] = []) async throws -> Rectify.Result {
        try await Rectify.run(["import", file.path, "--content", content.path] + (extra.contains("--lang") ? [] : ["--lang", "en"]) + extra)
    }

    @Test func anOfficeWorkbookIsReadByItsColumnNames() async throws {
        let (folder, file) = try await workbook()
        let content = folder.url.appending(path: "content")
        let refused = try await importing(file, into: content)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("台账.xlsx:row 10: 整改状态 \"研究中\" is not one of the known words"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: content.path), "nothing is written unless every row imports")

        let result = try await importing(file, into: content, ["--partial"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("存在问题 → problem") && result.stdout.contains("牵头领导 → leader") && result.stdout.contains("整改时限 → deadline"))
        #expect(result.stdout.contains("Status words not understood: 研究中"))
        let site = try String(contentsOf: content.appending(path: "site.yml"), encoding: .utf8)
        #expect(site.contains("title: \"某县农业农村局巡察反馈问题整改台账\""))
        #expect(site.contains("title: \"政治建设方面\"") && site.contains("title: \"落实决策有偏差\"") && site.contains("title: \"作风建设方面\""))
        let second = try String(contentsOf: content.appending(path: "items/1.1.2.md"), encoding: .utf8)
        #expect(second.contains("category: c1") && second.contains("group: g1"), "merged cells count for every row they cover")
        #expect(second.contains("deadline: 2027-03-31") && second.contains("status: done"))
        let third = try String(contentsOf: content.appending(path: "items/1.2.1.md"), encoding: .utf8)
        #expect(third.contains("deadline: 2026-11-30") && third.contains("department: [\"项目股\", \"财务股\"]"))
        let first = try String(contentsOf: content.appending(path: "items/1.1.1.md"), encoding: .utf8)
        #expect(first.contains("deadline: 2026-12-31"), "a real Excel date")
        let ongoing = try String(contentsOf: content.appending(path: "items/2.1.1.md"), encoding: .utf8)
        #expect(ongoing.contains("status: ongoing"))
        let check = try await Rectify.run(["check", "--content", content.path, "--theme", Rectify.repository.appending(path: "theme").path,
                                          "--as-of", "2026-11-26", "--lang", "en"])
        #expect(check.status == 0, "the imported site builds: \(check.stdout)")

        let again = try await importing(file, into: content, ["--partial"])
        #expect(again.status == 1 && again.stderr.contains("already exist"), "existing files are never overwritten without --force")
        #expect(try await importing(file, into: content, ["--partial", "--force"]).status == 0)
    }

    @Test func theExportedWorkbookImportsBackToTheSameLedger() async throws {
        let site = try ScratchSite()
        #expect(try await site.build().status == 0)
        let content = site.root.appending(path: "imported")
        let result = try await importing(site.output.appending(path: "ledger.xlsx"), into: content)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Imported 26 items"))
        let rebuilt = site.root.appending(path: "rebuilt")
        let build = try await Rectify.run(["build", "--content", content.path, "--theme", Rectify.repository.appending(path: "theme").path,
                                          "--output", rebuilt.path, "--as-of", "2026-11-26", "--no-search"])
        #expect(build.status == 0, "\(build.stderr)")
        func table(_ folder: URL) throws -> String {
            let page = try String(contentsOf: folder.appending(path: "ledger/index.html"), encoding: .utf8)
            return String(page[page.range(of: "<table class=\"ledger-table\">")!.lowerBound..<page.range(of: "</table>")!.upperBound])
        }
        #expect(try table(rebuilt) == table(site.output), "the ledger's rows are the same after export and import")
    }

    @Test func aGBKCSVGetsAClearMessageAndAUTF8OneImports() async throws {
        let folder = try TemporaryFolder()
        let rows = "编号,所属方面,问题,责任领导,责任单位,完成时限,整改状态\n1.1.1,作风建设,文山会海,赵某,办公室,2026-12-31,整改中\n"
        let gbk = folder.url.appending(path: "ledger-gbk.csv")
        let converted = try await Tool.run("python3", ["-c", "import sys; open(sys.argv[2],'wb').write(sys.argv[1].encode('gbk'))", rows, gbk.path])
        #expect(converted.status == 0)
        let refused = try await importing(gbk, into: folder.url.appending(path: "a"))
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("not UTF-8") && refused.stderr.contains("CSV UTF-8"))
        let utf8 = folder.url.appending(path: "ledger.csv")
        try Data(([0xEF, 0xBB, 0xBF] as [UInt8]) + Array(rows.utf8)).write(to: utf8)
        let result = try await importing(utf8, into: folder.url.appending(path: "b"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.url.appending(path: "b/items/1.1.1.md").path))
    }

    /// Excel, WPS and LibreOffice save merged 所属方面 and 问题类别 cells to CSV as the value
    /// then blanks: 8 of 10 rows once landed under an invented "未分类", with exit 0. Blanks
    /// take the value above, the report says how many, and a row with no 所属方面 at all is
    /// an error. 持续整改 is work going on, never done.
    @Test func mergedCellsSavedAsCSVKeepTheirAspectAndGroup() async throws {
        let folder = try TemporaryFolder()
        let file = try csv(folder, "ledger.csv", "所属方面,问题类别,问题,责任领导,责任单位,完成时限,整改状态\n"
            + "一、政治建设方面,（一）理论学习,学习不深,赵某,办公室,2026-12-31,整改中\n"
            + ",,学习不实,赵某,办公室,2026-12-31,持续整改\n"
            + ",（二）民主集中制,议事规则不全,钱某,办公室,2026-12-31,已完成\n"
            + "二、作风建设方面,（一）形式主义,文山会海,孙某,综合股,2026-12-31,整改中\n"
            + ",,督查检查多,孙某,综合股,2026-12-31,整改中\n")
        let content = folder.url.appending(path: "content")
        let result = try await importing(file, into: content, ["--lang", "zh-CN"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("有 3 行的“所属方面”或“问题类别”为空，已沿用上一行的值"), "\(result.stdout)")
        #expect(result.stdout.contains("已导入 5 个问题"), "\(result.stdout)")
        let site = try String(contentsOf: content.appending(path: "site.yml"), encoding: .utf8)
        #expect(!site.contains("未分类"), "\(site)")
        let second = try String(contentsOf: content.appending(path: "items/1.1.2.md"), encoding: .utf8)
        #expect(second.contains("学习不实") && second.contains("status: in_progress"), "持续整改 is not done: \(second)")
        let third = try String(contentsOf: content.appending(path: "items/1.2.1.md"), encoding: .utf8)
        #expect(third.contains("议事规则不全"), "\(third)")
        #expect(try String(contentsOf: content.appending(path: "items/2.1.2.md"), encoding: .utf8).contains("督查检查多"))

        let orphan = try csv(folder, "orphan.csv", "所属方面,问题,责任领导,责任单位,完成时限\n,无方面的问题,赵某,办公室,2026-12-31\n")
        let refused = try await importing(orphan, into: folder.url.appending(path: "other"))
        #expect(refused.status == 1 && refused.stderr.contains("orphan.csv:row 2: 所属方面 is empty"), "\(refused.stderr)")
    }

    /// A CSV written as text, with a UTF-8 byte-order mark as Excel writes it.
    func csv(_ folder: TemporaryFolder, _ name: String, _ rows: String) throws -> URL {
        let file = folder.url.appending(path: name)
        try Data(([0xEF, 0xBB, 0xBF] as [UInt8]) + Array(rows.utf8)).write(to: file)
        return file
    }

    /// `26.12.31` once became 0026-12-31, and `check` took any year; a NUL byte or a 10 MB
    /// field once went into an item the build then refused.
    @Test func twoDigitYearsControlCharactersAndHugeFieldsAreRowProblems() async throws {
        let folder = try TemporaryFolder()
        let header = "编号,所属方面,问题,责任领导,责任单位,完成时限,整改状态\n"
        let file = try csv(folder, "ledger.csv", header
            + "1.1.1,作风建设,文山会海,赵某,办公室,26.12.31,整改中\n"
            + "1.1.2,作风建设,督查检查多\u{0},赵某,办公室,2026-12-31,整改中\n"
            + "1.1.3,作风建设,\(String(repeating: "长", count: 40_000)),赵某,办公室,2026-12-31,整改中\n"
            + "1.1.4,作风建设,会议多,赵某,办公室,2026-12-31,整改中\n")
        let content = folder.url.appending(path: "content")
        let result = try await importing(file, into: content)
        #expect(result.status == 1)
        #expect(result.stderr.contains("ledger.csv:row 2: 完成时限 \"26.12.31\" is not a date with a four-digit year"), "\(result.stderr)")
        #expect(result.stderr.contains("ledger.csv:row 3: a cell holds control characters"), "\(result.stderr)")
        #expect(result.stderr.contains("ledger.csv:row 4: a cell is longer than the 32,767 characters"), "\(result.stderr)")
        #expect(!result.stderr.contains("row 5"))
        #expect(!FileManager.default.fileExists(atPath: content.path))

        // `check` refuses a year far from now, at its line.
        let site = try ScratchSite()
        try site.edit("items/1.1.1.md") { $0.replacingOccurrences(of: "deadline: 2026-", with: "deadline: 0026-") }
        let check = try await Rectify.run(["check", "--content", site.content.path, "--theme", Rectify.repository.appending(path: "theme").path,
                                          "--as-of", "2026-11-26"])
        let said = check.stdout + check.stderr
        #expect(check.status == 1 && said.contains("items/1.1.1.md:9:") && said.contains("年份应在 1990 到 2099 之间"), "\(said)")
    }

    /// Two columns under one header name: the leftmost is read, in every run (a dictionary's
    /// order once chose, and changed from run to run).
    @Test func theLeftmostOfTwoColumnsWithOneNameIsReadEveryTime() async throws {
        let folder = try TemporaryFolder()
        let file = try csv(folder, "ledger.csv", "编号,问题,责任领导,责任单位,完成时限,问题\n1.1.1,左边的问题,赵某,办公室,2026-12-31,右边的问题\n")
        for run in 0..<4 {
            let content = folder.url.appending(path: "content-\(run)")
            let result = try await importing(file, into: content)
            #expect(result.status == 0, "\(result.stderr)")
            let item = try String(contentsOf: content.appending(path: "items/1.1.1.md"), encoding: .utf8)
            #expect(item.contains("title: \"左边的问题\""), "run \(run): \(item)")
        }
    }

    /// A link in `items/`, dangling or not, once took the write elsewhere; with --force too.
    @Test func importNeverWritesThroughALink() async throws {
        let folder = try TemporaryFolder()
        let file = try csv(folder, "ledger.csv", "编号,问题,责任领导,责任单位,完成时限\n1.1.1,文山会海,赵某,办公室,2026-12-31\n")
        let content = folder.url.appending(path: "content")
        try FileManager.default.createDirectory(at: content.appending(path: "items"), withIntermediateDirectories: true)
        let target = folder.url.appending(path: "elsewhere.txt")
        try FileManager.default.createSymbolicLink(atPath: content.appending(path: "items/1.1.1.md").path, withDestinationPath: target.path)
        let result = try await importing(file, into: content, ["--force"])
        #expect(result.status == 1 && result.stderr.contains("items/1.1.1.md"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target.path), "the import wrote through the link")
        #expect(!FileManager.default.fileExists(atPath: content.appending(path: "site.yml").path))
    }

    /// A sheet over 10 MB of XML once failed with `Code=1 "(null)"`. (40,000 rows once took
    /// 83 s, each row searching all the rows before it; no time is asserted here, and the
    /// rows are fewer and longer, to keep the test's files few.)
    @Test func aLargeLedgerImports() async throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appending(path: "large.xlsx")
        let made = try await Tool.run("python3", ["-c", #"""
            import sys, zipfile
            head = '<row r="1">' + ''.join(f'<c r="{c}1" t="inlineStr"><is><t>{t}</t></is></c>' for c, t in zip("ABCDE", ["序号", "问题", "责任领导", "责任单位", "完成时限"])) + '</row>'
            rows = [head] + [f'<row r="{i}"><c r="A{i}"><v>{i - 1}</v></c><c r="B{i}" t="inlineStr"><is><t>第{i}个问题的说明文字写得长一些，让表格超过十兆字节{"。" * 1800}</t></is></c><c r="C{i}" t="inlineStr"><is><t>张某</t></is></c><c r="D{i}" t="inlineStr"><is><t>办公室</t></is></c><c r="E{i}"><v>46387</v></c></row>' for i in range(2, 2002)]
            sheet = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + ''.join(rows) + '</sheetData></worksheet>'
            assert len(sheet.encode()) > 10_500_000, len(sheet.encode())
            with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
                z.writestr("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
                z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
                z.writestr("xl/worksheets/sheet1.xml", sheet)
            """#, file.path])
        #expect(made.status == 0, "\(made.output)")
        let content = folder.url.appending(path: "content")
        let result = try await importing(file, into: content)
        #expect(result.status == 0, "\(result.stderr.suffix(400))")
        #expect(result.stdout.contains("Imported 2000 items"), "\(result.stdout.suffix(300))")
    }
}

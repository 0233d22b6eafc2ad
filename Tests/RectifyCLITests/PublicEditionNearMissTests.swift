import Foundation
import Testing

/// The public edition fails closed: a marking typed almost right is an error at its line,
/// never a silent publication; its dates and states tell nothing of what it hides; nothing
/// outside the edition's own filter (an import, the preview's banner, an evidence file's
/// name) can bring hidden text back.
@Suite struct PublicEditionNearMissTests {
    static func publicBuild(_ site: ScratchSite, _ extra: [String] = []) async throws -> (Rectify.Result, URL) {
        let folder = site.root.appending(path: "public-edition")
        let result = try await site.rectify("build", ["--edition", "public", "--output", folder.path, "--as-of", "2026-11-26", "--no-search"] + extra)
        return (result, folder)
    }

    /// Every line that looks like a marker but is not exactly one is an error at its line:
    /// inside a quote or a list, full-width characters an input method typed, a misspelt
    /// word, other words in the comment.
    @Test func nearMissMarkersAreErrorsAtTheirLines() async throws {
        let site = try ScratchSite()
        let nearMisses = [
            "> <!-- internal -->", "> <!-- /internal -->", "<！-- 内部 -->", "<！-- /内部 -->", "＜!-- 内部 --＞", "＜!-- /内部 --＞",
            "<!--\u{3000}内部\u{3000}-->", "<!--\u{3000}/内部\u{3000}-->", "- <!-- internal -->", "<!-- intenal -->", "<!-- internal note -->",
            "<!-- Internal：仅内部 -->", "<!-- 以下为内部内容 -->", "<-- 内部 -->", "!-- internal -->",
        ]
        // The body starts on line 16 of the sample item; each near miss is followed by a canary line.
        let body = nearMisses.enumerated().map { "\($1)\nqzxnear\($0)" }.joined(separator: "\n")
        try site.write("items/9.9.1.md", sampleItem(id: "9.9.1", body: body))
        let result = try await site.rectify("check", ["--edition", "public", "--as-of", "2026-11-26"])
        #expect(result.status != 0, "\(result.output)")
        for (index, line) in nearMisses.enumerated() {
            #expect(result.output.contains("items/9.9.1.md:\(16 + 2 * index): \"\(line)\" looks like an internal marker"), "\(line): \(result.output)")
        }
        let (built, folder) = try await Self.publicBuild(site)
        #expect(built.status != 0 && !FileManager.default.fileExists(atPath: folder.path), "nothing is published")
        // In Chinese, for staff.
        let chinese = try await site.rectify("check", ["--edition", "public", "--as-of", "2026-11-26", "--lang", "zh-CN"])
        #expect(chinese.output.contains("items/9.9.1.md:16: “> <!-- internal -->”像是不公开标记，但写法不对"), "\(chinese.output)")
    }

    /// The forms a reader cannot mistake are markers: any case, any ASCII spaces inside.
    @Test func markersInAnyCaseOrSpacingLeaveTheirSectionOut() async throws {
        let site = try ScratchSite()
        let pairs = [("<!--  internal  -->", "<!--  /internal  -->"), ("<!--INTERNAL-->", "<!--/INTERNAL-->"),
                     ("<!-- internal-->", "<!-- /internal-->"), ("   <!-- 内部 -->", "<!-- / 内部 -->")]
        // Text that only resembles a comment opener is not a marker, and no error.
        let body = pairs.enumerated().map { "\($1.0)\nqzxaccepted\($0)\n\($1.1)" }.joined(separator: "\n\n")
            + "\n\n注意！内部资料按《条例》办理，a <b> c。\n\n公开的结尾 qzxpublictail。"
        try site.write("items/9.9.1.md", sampleItem(id: "9.9.1", body: body))
        let (built, folder) = try await Self.publicBuild(site)
        #expect(built.status == 0, "\(built.output)")
        let found = try await PublicEditionTests.scan(folder, extra: ["qzxaccepted", "qzxpublictail"])
        #expect(found["qzxaccepted"]?.isEmpty == true, "\(found["qzxaccepted"] ?? [])")
        #expect(found["qzxpublictail"]?.contains { $0.hasPrefix("items/9.9.1/") } == true)
    }

    /// `visiblity: internal` or `intenal: true` would publish what they were meant to hide:
    /// errors with a did-you-mean in a build of the public edition, warnings in the internal one.
    @Test func aMisspeltMarkingStopsThePublicEdition() async throws {
        let site = try ScratchSite()
        try site.write("items/9.9.1.md", sampleItem(id: "9.9.1", title: "qzxmisspelt", extra: "visiblity: internal"))
        try site.write("items/9.9.2.md", sampleItem(id: "9.9.2").replacingOccurrences(of: "    note: 已推进。", with: "    note: qzxmisspeltupdate\n    intenal: true"))
        try site.write("items/9.9.3.md", sampleItem(id: "9.9.3", extra: "内部: true"))
        let result = try await site.rectify("check", ["--edition", "public", "--as-of", "2026-11-26"])
        #expect(result.status != 0)
        #expect(result.output.contains("items/9.9.1.md:13: unknown key \"visiblity\"; did you mean \"visibility\"?"), "\(result.output)")
        #expect(result.output.contains("items/9.9.2.md:13: unknown key \"intenal\"; did you mean \"internal\"?"), "\(result.output)")
        #expect(result.output.contains("items/9.9.3.md:13: unknown key \"内部\""), "\(result.output)")
        let (built, folder) = try await Self.publicBuild(site)
        #expect(built.status != 0 && !FileManager.default.fileExists(atPath: folder.path))
        let internalCheck = try await site.rectify("check", ["--as-of", "2026-11-26"])
        #expect(internalCheck.status == 0 && internalCheck.output.contains("warning: unknown key \"visiblity\""), "\(internalCheck.output)")

        // site.yml's own block: a misspelt name, or a misspelt rule inside it.
        for (yaml, key) in [("public_editon:\n  leader: 分管领导\n", "public_editon"), ("public_edition:\n  leadr: 分管领导\n", "leadr")] {
            let other = try ScratchSite()
            try other.edit("site.yml") { $0 + "\n" + yaml }
            let refused = try await other.rectify("check", ["--edition", "public", "--as-of", "2026-11-26"])
            #expect(refused.status != 0 && refused.output.contains("site.yml:") && refused.output.contains("unknown key \"\(key)\""), "\(refused.output)")
        }
    }

    /// The public edition shows no git date: a commit that changed only an item's internal
    /// parts would date the hidden note. The internal edition shows it, so the test can fail.
    @Test(.enabled(if: Tool.available("git")))
    func aCommitThatChangedOnlyInternalPartsIsNotDatedInPublic() async throws {
        let site = try ScratchSite()
        func git(_ arguments: [String], date: String) async throws {
            let result = try await Tool.run("git", ["-c", "user.name=t", "-c", "user.email=t@example", "-c", "commit.gpgsign=false"] + arguments,
                                            in: site.content, environment: ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date])
            #expect(result.status == 0, "git \(arguments): \(result.output)")
        }
        try await git(["init", "-q"], date: "2026-10-01T10:00:00+08:00")
        try await git(["add", "-A"], date: "2026-10-01T10:00:00+08:00")
        try await git(["commit", "-q", "-m", "baseline"], date: "2026-10-01T10:00:00+08:00")
        try site.edit("items/1.1.1.md") {
            $0.replacingOccurrences(of: "updates:\n", with: "updates:\n  - date: 2026-10-02\n    internal: true\n    note: \"内部进展\"\n")
        }
        try await git(["commit", "-q", "-am", "internal note"], date: "2026-11-23T10:00:00+08:00")
        #expect(try await site.build(["--no-search"]).status == 0)
        let internalPage = try String(contentsOf: site.output.appending(path: "items/1.1.1/index.html"), encoding: .utf8)
        #expect(internalPage.contains("2026-11-23"), "the internal edition dates the change")
        let (built, folder) = try await Self.publicBuild(site)
        #expect(built.status == 0, "\(built.output)")
        for file in ["items/1.1.1/index.html", "data.json", "feed.xml", "ledger.csv", "changes/index.html", "updates/index.html"] {
            let text = (try? String(contentsOf: folder.appending(path: file), encoding: .utf8)) ?? ""
            #expect(!text.contains("2026-11-23"), "\(file) dates the hidden change")
        }
    }

    /// The documented round trip (export the ledger, import it back with --force) must not
    /// drop a marking: files that carry one are left as they are, and nothing is written.
    @Test func importNeverOverwritesAFileThatCarriesMarkings() async throws {
        let site = try ScratchSite()
        try site.write("items/9.9.1.md", sampleItem(id: "9.9.1", title: "qzximporthidden", extra: "visibility: internal"))
        #expect(try await site.build(["--no-search"]).status == 0)
        let before = try site.snapshot(site.content)
        let result = try await Rectify.run(["import", site.output.appending(path: "ledger.xlsx").path, "--content", site.content.path, "--force"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("items/9.9.1.md") && result.stderr.contains("visibility"), "\(result.stderr)")
        #expect(try site.snapshot(site.content) == before, "nothing was written")

        // A site.yml with public_edition rules is protected the same way.
        let other = try ScratchSite()
        try other.edit("site.yml") { $0 + "\npublic_edition:\n  leader: 分管领导\n" }
        #expect(try await other.build(["--no-search"]).status == 0)
        let refused = try await Rectify.run(["import", other.output.appending(path: "ledger.xlsx").path, "--content", other.content.path, "--force"])
        #expect(refused.status != 0 && refused.stderr.contains("site.yml"), "\(refused.stderr)")
    }

    /// An evidence file named like the item's own page would replace it: an error naming the file.
    @Test func anEvidenceFileNamedIndexHtmlIsRefused() async throws {
        let site = try ScratchSite()
        try FileManager.default.createDirectory(at: site.content.appending(path: "items/1.1.3"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: site.content.appending(path: "items/1.1.3.md"), to: site.content.appending(path: "items/1.1.3/index.md"))
        try site.write("items/1.1.3/INDEX.html", "<script>qzxreplaced</script>")
        for command in ["check", "build"] {
            let result = command == "check" ? try await site.rectify("check", ["--as-of", "2026-11-26"]) : try await site.build(["--no-search"])
            #expect(result.status != 0)
            #expect(result.output.contains("items/1.1.3/INDEX.html: an evidence file may not be named"), "\(command): \(result.output)")
        }
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    /// The old print placeholder, typed into a page, places nothing: the items stand once.
    @Test func textThatSpellsThePrintPlaceholderDoesNotDuplicateItems() async throws {
        let site = try ScratchSite()
        try site.write("pages/qzx.md", "---\ntitle: 说明\n---\n\n甲\u{E002}rectify:print-items\u{E002}乙\n")
        #expect(try await site.build(["--no-search"]).status == 0)
        let print = try String(contentsOf: site.output.appending(path: "print/index.html"), encoding: .utf8)
        #expect(print.contains("甲") && print.contains("乙"), "the page's text, placeholder and all, is in the print document")
        #expect(print.occurrences(of: "id=\"item-1.1.1\"") == 1, "each item once in the print document")
    }
}

private extension Rectify.Result {
    var output: String { stdout + stderr }
}

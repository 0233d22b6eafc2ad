import Foundation
import Testing

/// Input that once crashed the program (a trap, a stack overflow) or vanished silently now
/// gets a message, or works.
@Suite struct TrapTests {
    /// A copy of the repository's theme to change.
    func themeCopy(_ site: ScratchSite) throws -> URL {
        let theme = site.root.appending(path: "theme")
        try FileManager.default.copyItem(at: Rectify.repository.appending(path: "theme"), to: theme)
        return theme
    }

    func build(_ site: ScratchSite, theme: URL, _ extra: [String] = []) async throws -> Rectify.Result {
        try await Rectify.run(["build", "--content", site.content.path, "--theme", theme.path, "--output", site.output.path,
                               "--as-of", "2026-11-26", "--no-search", "--lang", "en"] + extra)
    }

    @Test func partialsThatIncludeThemselvesOrNestTooDeepAreErrors() async throws {
        let site = try ScratchSite()
        let cases = [
            ("partials/loop.mustache", "<p>{{> partials/loop}}</p>\n", "includes itself"),
            ("partials/a.mustache", "{{> partials/b}}\n", "includes itself"),
            ("deep.mustache", String(repeating: "{{#x}}", count: 5_000) + String(repeating: "{{/x}}", count: 5_000), "nest deeper"),
        ]
        for (file, text, words) in cases {
            let theme = try themeCopy(site)
            defer { try? FileManager.default.removeItem(at: theme) }
            try text.write(to: theme.appending(path: "templates/\(file)"), atomically: true, encoding: .utf8)
            if file == "partials/a.mustache" {
                try "{{> partials/a}}\n".write(to: theme.appending(path: "templates/partials/b.mustache"), atomically: true, encoding: .utf8)
            }
            let result = try await build(site, theme: theme)
            #expect(result.status == 1, "\(file): exit \(result.status)")
            #expect(result.stderr.contains(file) && result.stderr.contains(words), "\(file): \(result.stderr.suffix(300))")
        }
    }

    @Test func aRenderTimeoutThatCannotPassIsRefused() async throws {
        let site = try ScratchSite()
        for value in ["nan", "inf", "0", "-1"] {
            let result = try await site.build(["--render-timeout", value])
            #expect(result.status == 64, "\(value): exit \(result.status)")
            #expect(result.stderr.contains("--render-timeout"), "\(value): \(result.stderr)")
        }
    }

    /// Sheet names come from the theme's labels: any text, even one Excel refuses, makes a
    /// workbook that opens; a note longer than a cell holds is cut with a mark, not lost.
    @Test(.enabled(if: Tool.available("python3")))
    func anyLabelMakesAValidSheetAndALongNoteIsCutVisibly() async throws {
        let site = try ScratchSite()
        let theme = try themeCopy(site)
        let labels = theme.appending(path: "i18n/zh-CN.yml")
        let long = "台账/汇总:[全部]*问题?超过三十一个字符的一个很长很长很长的名字"
        try String(contentsOf: labels, encoding: .utf8)
            .replacingOccurrences(of: "\nledger: ", with: "\nledger: \"\(long)\"\nledger_old: ")
            .replacingOccurrences(of: "\nsummary: ", with: "\nsummary: \"\(long)\"\nsummary_old: ")
            .write(to: labels, atomically: true, encoding: .utf8)
        try site.edit("items/1.1.1.md") {
            $0.replacingOccurrences(of: "updates:\n", with: "updates:\n  - date: 2026-11-20\n    note: \"\(String(repeating: "很长的进展", count: 8000))结尾qzx\"\n")
        }
        let result = try await build(site, theme: theme)
        #expect(result.status == 0, "\(result.stderr.suffix(400))")
        #expect(result.stderr.contains("items/1.1.1.md:") && result.stderr.contains("ledger.xlsx shows it cut"), "the build says which note is cut: \(result.stderr.suffix(400))")
        let check = try await Tool.run("python3", ["-c", """
            import openpyxl, sys
            book = openpyxl.load_workbook(sys.argv[1])
            print("|".join(book.sheetnames))
            print(max(len(str(c.value or "")) for s in book for row in s.iter_rows() for c in row))
            print(any("已截断" in str(c.value or "") for s in book for row in s.iter_rows() for c in row))
            """, site.output.appending(path: "ledger.xlsx").path])
        #expect(check.status == 0, "\(check.output)")
        let lines = check.output.split(separator: "\n")
        let names = lines.first.map { $0.split(separator: "|").map(String.init) } ?? []
        #expect(names.count == 3 && Set(names.map { $0.lowercased() }).count == 3, "\(names)")
        #expect(names.allSatisfy { $0.count <= 31 && !$0.contains { "/\\\\?*[]:".contains($0) } }, "\(names)")
        #expect(lines.count == 3 && Int(lines[1]).map { $0 <= 32_767 && $0 > 30_000 } == true && lines[2] == "True", "\(check.output)")
    }

    @Test func importRefusesAContentFolderThatIsAFileOrEmptyText() async throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appending(path: "note.txt")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let ledger = Rectify.repository.appending(path: "README.md").path
        let onFile = try await Rectify.run(["import", ledger, "--content", file.path])
        #expect(onFile.status == 64 && onFile.stderr.contains("is a file, not a folder"), "\(onFile.stderr)")
        let empty = try await Rectify.run(["import", ledger, "--content", ""])
        #expect(empty.status == 64 && empty.stderr.contains("--content is empty"), "\(empty.stderr)")
    }

    /// A template's parser takes time with the square of its size (a 1 MB partial: 98 s), so
    /// a template over 128 KB is an error; a template linked into a hidden folder of the
    /// content (`.git/config`) is never read.
    @Test func anOversizedTemplateAndOneLinkedIntoAHiddenFolderAreErrors() async throws {
        let site = try ScratchSite()
        let theme = try themeCopy(site)
        let partial = theme.appending(path: "templates/partials/bar.mustache")
        try (String(contentsOf: partial, encoding: .utf8) + String(repeating: "<p>{{title}}</p>\n", count: 12_000))
            .write(to: partial, atomically: true, encoding: .utf8)
        let large = try await build(site, theme: theme)
        #expect(large.status == 1 && large.stderr.contains("bar.mustache") && large.stderr.contains("128 KB"), "\(large.stderr.suffix(400))")

        let other = try ScratchSite()
        try other.write(".git/config", "[remote \"origin\"]\n\turl = https://user:secret-token@example.invalid/repo\n")
        try FileManager.default.createDirectory(at: other.content.appending(path: "templates"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: other.content.appending(path: "templates/page.mustache").path, withDestinationPath: "../.git/config")
        let linked = try await build(other, theme: Rectify.repository.appending(path: "theme"))
        #expect(linked.status == 1 && linked.stderr.contains("hidden"), "\(linked.stderr.suffix(400))")
        let leaked = (try? FileManager.default.subpathsOfDirectory(atPath: other.output.path))?.contains { path in
            (try? String(contentsOfFile: other.output.appending(path: path).path, encoding: .utf8))?.contains("secret-token") == true
        } ?? false
        #expect(!leaked)
    }
}

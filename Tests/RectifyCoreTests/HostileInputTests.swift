import Foundation
import Testing
import RectifyCore

/// Inputs from an attack on the build: each one fails at once with `file:line`, or is
/// published safely; none hangs, exhausts memory or leaks a file.
@Suite struct HostileInputTests {
    func errors(item text: String, named name: String = "bad.md") throws -> [String] {
        let site = try TestSite(fixture: "small-site")
        try site.write("items/\(name)", text)
        return try site.buildErrors()
    }

    /// `ContentErrorTests.validItem` with `extra` lines added to the front matter.
    func item(_ replacements: [String: String] = [:], extra: String = "") -> String {
        var text = ContentErrorTests.validItem.replacingOccurrences(of: "deadline: 2026-05-01\n", with: "deadline: 2026-05-01\n\(extra)")
        for (old, new) in replacements { text = text.replacingOccurrences(of: old, with: new) }
        return text
    }

    // MARK: YAML

    /// Nine levels of aliases would expand to a billion values: refused at the first alias.
    @Test func yamlAliasesAreRefusedAtTheirLine() throws {
        var laughs = "a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            laughs += "a\(level): &a\(level) [\(Array(repeating: previous, count: 9).joined(separator: ", "))]\n"
        }
        let errors = try errors(item: item(extra: laughs))
        #expect(errors == ["content/items/bad.md:10: YAML anchors (&a0) are not supported; write each value out in full"])
    }

    @Test func anAliasInSiteYmlIsRefusedAtItsLine() throws {
        let site = try TestSite(fixture: "small-site")
        let config = try String(contentsOf: site.content.appending(path: "site.yml"), encoding: .utf8)
        try site.write("site.yml", config + "description: *nothing\n")
        let errors = try site.buildErrors()
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("content/site.yml:\(config.occurrences(of: "\n") + 1): ") == true, "\(errors)")
        #expect(errors.first?.contains("aliases (*nothing) are not supported") == true)
    }

    @Test func controlCharactersWrittenAsEscapesAreRefusedAtTheirLine() throws {
        #expect(try errors(item: item(["title: 测试问题": "title: \"a\\x01b\""]))
            == ["content/items/bad.md:3: the text contains the control character U+0001, which pages, feeds and spreadsheets cannot show; remove it"])
    }

    @Test func rawControlCharactersAreReportedAtTheirRealLine() throws {
        let errors = try errors(item: item(["department: 办公室": "department: 办\u{01}公室"]))
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("content/items/bad.md:8: ") == true, "\(errors)")
    }

    @Test func deeplyNestedYamlIsRefused() throws {
        let deep = "deep: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n"
        let errors = try errors(item: item(extra: deep))
        #expect(errors == ["content/items/bad.md:10: values nested too deeply (over 64 levels)"])
    }

    // MARK: IDs and fields

    @Test func idsThatCollideOnWindowsFileSharesAreRefused() throws {
        let site = try TestSite(fixture: "small-site")
        try site.write("items/a.md", item(["id: \"9.1\"": "id: \"A-1\""]))
        try site.write("items/b.md", item(["id: \"9.1\"": "id: \"a-1\""]))
        #expect(try site.buildErrors() == [
            "content/items/b.md:2: duplicate id \"a-1\" (\"A-1\" in content/items/a.md differs only by case, and Windows and macOS file shares treat the two as one folder)",
        ])
    }

    @Test(arguments: [
        ("con", "is a name Windows reserves for a device (con)"),
        ("NUL.1", "is a name Windows reserves for a device (nul)"),
        ("com1", "is a name Windows reserves for a device (com1)"),
        ("1.2.", "must not end with \".\""),
    ])
    func idsWindowsCannotHoldAreRefused(id: String, reason: String) throws {
        let errors = try errors(item: item(["id: \"9.1\"": "id: \"\(id)\""]))
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("content/items/bad.md:2: id \"\(id)\" \(reason)") == true, "\(errors)")
    }

    @Test func theIdLengthLimitIsStated() throws {
        let long = String(repeating: "1", count: 101)
        #expect(try errors(item: item(["id: \"9.1\"": "id: \"\(long)\""]))
            == ["content/items/bad.md:2: id \"\(long)\" is 101 characters long; it may have at most 100"])
    }

    @Test func anEmptyIdOrTitleSaysItIsEmpty() throws {
        #expect(try errors(item: item(["id: \"9.1\"": "id: \"\""]))
            == ["content/items/bad.md:2: \"id\" is empty; write its value after the colon"])
        #expect(try errors(item: item(["title: 测试问题": "title: \"\""]))
            == ["content/items/bad.md:3: \"title\" is empty; write its value after the colon"])
    }

    @Test func aBaseURLWithALineBreakOrSpacesIsRefused() throws {
        let site = try TestSite(fixture: "small-site")
        let config = try String(contentsOf: site.content.appending(path: "site.yml"), encoding: .utf8)
        try site.write("site.yml", config + "base_url: \"https://a.example/\\nSitemap: https://evil.example/x.xml\"\n")
        let errors = try site.buildErrors()
        #expect(errors.count == 1)
        #expect(errors.first?.contains("\"base_url\" must be one web address, without spaces or line breaks") == true, "\(errors)")
        try site.write("site.yml", config + "base_url: https://a.example/zheng gai/\n")
        #expect(try site.buildErrors().first?.contains("without spaces") == true)
    }

    @Test func aFileNameWithALineBreakCannotFakeADiagnosticLine() throws {
        let errors = try errors(item: "---\nid: [\n", named: "x.md\nok.md:1: all good\n.md")
        #expect(errors.count == 1)
        #expect(errors.first?.contains("\n") == false)
        #expect(errors.first?.hasPrefix("content/items/x.md\\nok.md:1: all good\\n.md:") == true, "\(errors)")
    }

    // MARK: Files

    @Test func nothingUnderAHiddenFolderIsPublished() throws {
        let site = try TestSite(fixture: "small-site")
        try site.write("files/.git/config", "[remote]\nurl = secret\n")
        try site.write("files/.secrets/api_key", "key")
        try site.write("files/reports/.cache/x.txt", "x")
        try site.build()
        #expect(site.exists("files/plan.txt"))
        let published = try site.snapshot().keys
        #expect(!published.contains { $0.contains("/.git/") || $0.contains(".secrets") || $0.contains(".cache") })
    }

    @Test func aFIFOIsReportedAndNeverOpened() throws {
        let site = try TestSite(fixture: "small-site")
        #expect(mkfifo(site.content.appending(path: "files/pipe.pdf").path, 0o644) == 0)
        #expect(mkfifo(site.content.appending(path: "items/pipe.md").path, 0o644) == 0)
        do {
            try site.build { $0.reuseUnchangedOutput = true }
            Issue.record("the build succeeded")
        } catch RectifyError.invalidContent(let diagnostics) {
            let lines = diagnostics.filter { $0.severity == .error }.sorted().map(\.description)
            #expect(lines == [
                "content/files/pipe.pdf: not a regular file (a FIFO, socket or device); remove it or replace it with a plain file",
                "content/items/pipe.md: cannot read file: not a regular file",
            ])
        }
    }

    @Test func aLinkToAFileInsideTheContentIsPublishedAsAFile() throws {
        let site = try TestSite(fixture: "small-site")
        try FileManager.default.createSymbolicLink(atPath: site.content.appending(path: "files/same-plan.txt").path, withDestinationPath: "plan.txt")
        try site.build()
        let copy = site.output.appending(path: "files/same-plan.txt")
        let attributes = try FileManager.default.attributesOfItem(atPath: copy.path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(try Data(contentsOf: copy) == Data(contentsOf: site.content.appending(path: "files/plan.txt")))
    }

    @Test func aFilesFolderThatLinksOutsideIsAnError() throws {
        let site = try TestSite(fixture: "small-site")
        let outside = site.folder.appending(path: "outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("private".utf8).write(to: outside.appending(path: "private.txt"))
        try site.remove("files")
        try FileManager.default.createSymbolicLink(atPath: site.content.appending(path: "files").path, withDestinationPath: outside.path)
        #expect(try site.buildErrors() == ["content/files: symbolic link leads outside the content folder; it is not followed"])
    }

    @Test func attachmentNamesThatWouldGoMissingAreErrors() throws {
        let site = try TestSite(fixture: "small-site")
        try site.write("files/a\\b.txt", "backslash")
        let latin1 = site.content.path + "/files/caf\u{E9}"
        var bytes = Array(latin1.utf8.dropLast(2)) + [0xE9, 0]  // "café" in Latin-1: not UTF-8
        let fd = bytes.withUnsafeMutableBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        #expect(fd >= 0)
        close(fd)
        let errors = try site.buildErrors()
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("content/files/a\\b.txt: the file name contains a backslash") })
        #expect(errors.contains { $0.contains("the file name is not valid UTF-8") })
    }

    // MARK: Templates

    @Test func aTemplateThatLinksOutsideIsRefused() throws {
        let site = try TestSite(fixture: "small-site")
        try FileManager.default.createDirectory(at: site.content.appending(path: "templates"), withIntermediateDirectories: true)
        let secret = site.folder.appending(path: "passwd")
        try Data("root:x:0:0".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(atPath: site.content.appending(path: "templates/page.mustache").path, withDestinationPath: secret.path)
        do {
            try site.build()
            Issue.record("the build succeeded")
        } catch {
            #expect("\(error)".contains("templates/page.mustache: symbolic link leads outside content/; it is not followed"), "\(error)")
        }
        #expect(!site.exists("index.html"))
    }

    @Test func aFIFOTemplateIsNotARegularFile() throws {
        let site = try TestSite(fixture: "small-site")
        try FileManager.default.createDirectory(at: site.content.appending(path: "templates"), withIntermediateDirectories: true)
        #expect(mkfifo(site.content.appending(path: "templates/page.mustache").path, 0o644) == 0)
        do {
            try site.build()
            Issue.record("the build succeeded")
        } catch {
            #expect("\(error)".contains("templates/page.mustache: not a regular file"), "\(error)")
            #expect(!"\(error)".contains("permission"))
        }
    }
}

import Foundation
import Testing
import RectifyCore

/// The fast paths give the same files as the plain one: pages rendered on all cores from
/// render plans are byte-identical to pages rendered one at a time by Mustache alone, and a build that reuses unchanged output
/// leaves exactly what a full build writes.
@Suite struct SameOutputTests {
    /// Varied shapes and hostile text: every optional field present or absent, 0 to 4
    /// updates, text with `<>&"'`, newlines, private-use characters like the print page's
    /// placeholder and the index pages' row markers, Mustache tags in text, and combining
    /// marks after `<`. The plain build also joins the index pages' rows instead of
    /// streaming them, and encodes `data.json` at once instead of a chunk at a time.
    static func variedSite() throws -> TestSite {
        let site = try TestSite(copying: Repository.content)
        let texts = ["普通文本", "a < b & c > \"d\" 'e'", "结尾换行\n", "私用区 \u{E000}<1\u{E001} 字符", "行标记 \u{E002}<1-0\u{E003} 字符", "<\u{0301}组合", "", "{{title}} {{{x}}}"]
        for number in 1...60 {
            let text = texts[number % texts.count]
            let updates = (0..<(number % 5)).map { step in
                "  - date: 2026-0\(step + 1)-1\(number % 9)\n    note: \"\(text.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\"", with: "\\\""))\(step)\"\n"
                    + (step == 2 ? "    status: done\n" : "")
            }.joined()
            try site.write("items/9.\(number).md", """
                ---
                id: "9.\(number)"
                title: "标题 \(text.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\"", with: "\\\""))"
                category: political-duty
                group: study
                status: \(["pending", "in_progress", "done", "ongoing"][number % 4])
                leader: 负责人\(number % 3)
                department: \(["办公室", "A&B 科", "<部门>"][number % 3])
                deadline: 2026-\(String(format: "%02d", number % 12 + 1))-2\(number % 8)
                \(number % 2 == 0 ? "measures: \"措施 \(number) & <更多>\"" : "")
                \(number % 3 == 0 ? "updates:\n" + updates : "")
                ---

                ## 第 \(number) 项

                正文 **\(number)**，链接 [第一项](../1.1.1/index.html)。
                """)
        }
        return site
    }

    /// The site's files built on all cores with plans, and on one thread with Mustache alone.
    static func fastAndPlain(_ site: TestSite) throws -> (fast: [String: Data], plain: [String: Data]) {
        try site.build(asOf: "2026-11-26")
        let plain = site.folder.appending(path: "plain", directoryHint: .isDirectory)
        try site.build(asOf: "2026-11-26", output: plain) { options in
            options.serial = true
            options.reuseRenderPlans = false
        }
        return (try site.snapshot(), try site.snapshot(of: plain))
    }

    @Test func allCoresWithPlansGiveTheSameFilesAsOneThreadWithMustacheAlone() throws {
        let site = try Self.variedSite()
        let (fast, slow) = try Self.fastAndPlain(site)
        #expect(fast.count == slow.count && fast.count > 100)
        #expect(Set(fast.keys) == Set(slow.keys))
        let different = fast.keys.filter { fast[$0] != slow[$0] }.sorted()
        #expect(different.isEmpty, "differ: \(different.prefix(5))")
        // The hostile texts reached the pages, escaped.
        #expect(try site.page("items/9.1/index.html").contains("a &lt; b &amp; c &gt; &quot;d&quot; &#39;e&#39;"))
    }

    /// Index pages are streamed with their rows in place of markers; a theme that escapes
    /// the rows, places them twice, tests them or places the ungrouped ledger gets the same
    /// page as when the rows are joined into the view.
    @Test func streamedIndexPagesMatchJoinedOnesWhateverTheTemplateDoesWithTheRows() throws {
        let site = try Self.variedSite()
        try site.write("templates/updates.mustache", """
            {{<layout}}{{$main}}
            <ol>{{{rowsHTML}}}</ol>{{#rowsHTML}}<p>again</p><ol>{{{rowsHTML}}}</ol>{{/rowsHTML}}
            <pre>{{rowsHTML}}</pre>
            {{/main}}{{/layout}}
            """)
        try site.write("templates/ledger.mustache", """
            {{<layout}}{{$main}}<table>{{{rowsHTML}}}</table>{{#groups}}<h2>{{title}}</h2><table>{{{rowsHTML}}}</table>{{/groups}}{{/main}}{{/layout}}
            """)
        let (fast, slow) = try Self.fastAndPlain(site)
        for page in ["updates/index.html", "ledger/index.html"] {
            #expect(fast[page] != nil && fast[page] == slow[page], "\(page) differs")
        }
        let updates = try site.page("updates/index.html")
        #expect(updates.contains("<p>again</p>") && updates.contains("&lt;li"))
        // Text that looks like a marker is text: it stays, escaped.
        #expect(updates.contains("行标记 \u{E002}&lt;1-0\u{E003}"))
    }

    @Test func anUnchangedRebuildReusesTheOutputAndAnyChangeRebuildsIt() throws {
        let site = try TestSite(copying: Repository.content)
        func build(force: Bool = false) throws -> BuildReport {
            try site.build(asOf: "2026-11-26") { $0.reuseUnchangedOutput = !force }
        }
        #expect(try build().upToDate == false)
        let first = try site.snapshot()
        let second = try build()
        #expect(second.upToDate)
        #expect(try site.snapshot() == first)

        // Same bytes, new modification time: rebuilt, as make would (the cache reads no
        // input, it only asks `stat`), and the same files come out.
        let item = site.content.appending(path: "items/1.1.1.md")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: item.path)
        #expect(try build().upToDate == false)
        #expect(try site.snapshot() == first)
        #expect(try build().upToDate)

        // One changed byte in one item: a full build, and the page shows it.
        let text = try String(contentsOf: item, encoding: .utf8)
        try text.replacingOccurrences(of: "title: ", with: "title: 改").write(to: item, atomically: true, encoding: .utf8)
        #expect(try build().upToDate == false)
        #expect(try site.page("items/1.1.1/index.html").contains("改"))
        let edited = try site.snapshot()
        #expect(try build().upToDate)

        // A page edited by hand in the output is noticed and rebuilt.
        try Data("tampered".utf8).write(to: site.output.appending(path: "ledger/index.html"))
        #expect(try build().upToDate == false)
        #expect(try site.snapshot() == edited)

        // Another as-of date, or a theme option, is another build.
        let other = try site.build(asOf: "2026-11-27") { $0.reuseUnchangedOutput = true }
        #expect(other.upToDate == false)

        // Without reuse, the cache is dropped, so a later reusing build cannot trust it.
        try build(force: true)
        #expect(try build().upToDate == false)
    }

    /// The cache once ignored `--no-search` and `--lang`: a build asking for search after one
    /// without it said "up to date" and published no index. Every option counts, and a
    /// folder that cannot be listed means the inputs are not known.
    @Test func everyOptionAndAnUnlistableFolderMakeANewBuild() throws {
        let site = try TestSite(copying: Repository.content)
        func build(_ adjust: @escaping (inout BuildOptions) -> Void = { _ in }) throws -> BuildReport {
            try site.build(asOf: "2026-11-26") { options in
                options.reuseUnchangedOutput = true
                adjust(&options)
            }
        }
        #expect(try build().upToDate == false)
        #expect(try build().upToDate)
        #expect(try build { $0.messageLanguage = "fr" }.upToDate == false, "another message language")
        #expect(try build { $0.messageLanguage = "fr" }.upToDate)
        #expect(try build { $0.searchIndex = true }.upToDate == false, "search asked for after a build without it")
        #expect(FileManager.default.fileExists(atPath: site.output.appending(path: "pagefind/pagefind-entry.json").path))
        #expect(try build().upToDate == false)
        // A folder the build cannot list: one nested past PATH_MAX, made through open folders.
        var folder = open(site.content.appending(path: "files").path, O_RDONLY | O_DIRECTORY)
        for _ in 0..<220 {
            #expect(mkdirat(folder, "nested-folder-name", 0o755) == 0)
            let inner = openat(folder, "nested-folder-name", O_RDONLY | O_DIRECTORY)
            close(folder)
            folder = inner
        }
        close(folder)
        defer {
            // Foundation cannot remove a path that long; rm can.
            let rm = Process()
            rm.executableURL = URL(fileURLWithPath: "/bin/rm")
            rm.arguments = ["-rf", site.content.appending(path: "files/nested-folder-name").path]
            try? rm.run()
            rm.waitUntilExit()
        }
        #expect((try? build().upToDate) != true, "a folder that cannot be listed is not known unchanged")
    }
}

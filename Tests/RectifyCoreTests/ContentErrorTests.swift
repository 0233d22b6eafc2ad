import Foundation
import Testing
import RectifyCore

/// Bad input: each problem is reported as `file:line: message`, all in one run,
/// and the build fails.
@Suite struct ContentErrorTests {
    /// A valid item; tests replace one line to break it.
    static let validItem = """
        ---
        id: "9.1"
        title: 测试问题
        category: alpha
        group: a1
        status: doing
        leader: 张某某
        department: 办公室
        deadline: 2026-05-01
        ---

        正文。
        """

    func errors(item text: String, named name: String = "bad.md") throws -> [String] {
        let site = try TestSite(fixture: "small-site")
        try site.write("items/\(name)", text)
        return try site.buildErrors()
    }

    func replacing(_ line: String, with replacement: String) -> String {
        Self.validItem.replacingOccurrences(of: line, with: replacement)
    }

    @Test func theValidItemBuilds() throws {
        let site = try TestSite(fixture: "small-site")
        try site.write("items/bad.md", Self.validItem)
        try site.build()
        #expect(site.exists("items/9.1/index.html"))
    }

    @Test func unknownStatus() throws {
        #expect(try errors(item: replacing("status: doing", with: "status: doingg"))
            == ["content/items/bad.md:6: unknown status \"doingg\" (expected one of: todo (未启动), doing (整改中), done (已完成))"])
    }

    @Test func unknownCategoryAndGroup() throws {
        #expect(try errors(item: replacing("category: alpha", with: "category: gamma"))
            == ["content/items/bad.md:4: unknown category \"gamma\" (expected one of: alpha, beta)"])
        #expect(try errors(item: replacing("group: a1", with: "group: b1"))
            == ["content/items/bad.md:5: unknown group \"b1\" in category \"alpha\" (expected one of: a1, a2)"])
    }

    @Test func missingRequiredField() throws {
        #expect(try errors(item: replacing("leader: 张某某\n", with: ""))
            == ["content/items/bad.md:2: missing required field \"leader\""])
    }

    @Test func badDates() throws {
        #expect(try errors(item: replacing("deadline: 2026-05-01", with: "deadline: 2026-02-30"))
            == ["content/items/bad.md:9: \"deadline\": 2026-02-30 is a day that does not exist (month 2 of 2026 has 28 days)"])
        #expect(try errors(item: replacing("deadline: 2026-05-01", with: "deadline: 5月1日"))
            == ["content/items/bad.md:9: bad date \"5月1日\" for \"deadline\" (expected YYYY-MM-DD)"])
    }

    @Test func malformedYAML() throws {
        let messages = try errors(item: replacing("title: 测试问题", with: "title: [未闭合"))
        #expect(messages.count == 1)
        #expect(messages[0] == "content/items/bad.md:3: the \"[\" on line 3 is never closed: add \"]\", or put the whole text in quotes",
                "at the line of the bracket, not the line after")
    }

    @Test func duplicateID() throws {
        #expect(try errors(item: replacing("id: \"9.1\"", with: "id: \"1.2\""), named: "zz.md")
            == ["content/items/zz.md:2: duplicate id \"1.2\" (also in content/items/one.md)"])
    }

    @Test func unsafeIDs() throws {
        let ascii = "must use only ASCII letters, digits, \".\", \"_\" and \"-\" (no Chinese characters or spaces, since it becomes a folder name in the web address)"
        let hidden = "must not start with \".\" (such folders are hidden)"
        for (id, reason) in [("../x", ascii), ("a/b", ascii), ("..", hidden), (".hidden", hidden), ("问题1", ascii), ("a b", ascii)] {
            let messages = try errors(item: replacing("id: \"9.1\"", with: "id: \"\(id)\""))
            #expect(messages == ["content/items/bad.md:2: id \"\(id)\" \(reason)"])
        }
    }

    @Test func invalidUTF8NamesTheLine() throws {
        let site = try TestSite(fixture: "small-site")
        var bytes = Data(Self.validItem.utf8)
        let position = bytes.range(of: Data("正文".utf8))!.lowerBound
        bytes.insert(contentsOf: [0xC3, 0x28], at: position)
        try site.write("items/bad.md", bytes)
        #expect(try site.buildErrors() == ["content/items/bad.md:12: invalid UTF-8 (save the file as UTF-8)"])
    }

    @Test func missingFrontMatter() throws {
        #expect(try errors(item: "# 只有正文\n") == ["content/items/bad.md:1: missing front matter: the file must start with a line \"---\""])
        #expect(try errors(item: "---\nid: x\n") == ["content/items/bad.md:1: front matter is not closed: add a line \"---\" after it"])
    }

    @Test func everyErrorIsReportedInOneRun() throws {
        let site = try TestSite(fixture: "small-site")
        try site.write("items/a.md", replacing("status: doing", with: "status: nope"))
        try site.write("items/b.md", replacing("id: \"9.1\"", with: "id: \"9.2\"").replacingOccurrences(of: "deadline: 2026-05-01", with: "deadline: tomorrow"))
        try site.write("pages/bad page.md", "---\ntitle: x\n---\n")
        let messages = try site.buildErrors()
        #expect(messages.count == 3)
        #expect(messages.contains("content/items/a.md:6: unknown status \"nope\" (expected one of: todo (未启动), doing (整改中), done (已完成))"))
        #expect(messages.contains("content/items/b.md:9: bad date \"tomorrow\" for \"deadline\" (expected YYYY-MM-DD)"))
        #expect(messages.contains { $0.hasPrefix("content/pages/bad page.md: page file name \"bad page\"") })
    }

    @Test func siteConfigErrors() throws {
        let site = try TestSite(fixture: "small-site")
        try site.write("site.yml", """
            title: 站点
            language: fr
            statuses:
              - key: todo
                label: 未启动
              - key: todo
                label: 重复
            categories: []
            """)
        #expect(try site.buildErrors() == [
            "content/site.yml:2: unsupported language \"fr\" (expected one of: en, zh-CN)",
            "content/site.yml:6: duplicate status key \"todo\"",
        ])
    }

    @Test func unknownKeysAreWarnedWithASuggestion() throws {
        let site = try TestSite(fixture: "small-site")
        try site.write("items/bad.md", replacing("measures", with: "x").replacingOccurrences(of: "leader: 张某某", with: "leader: 张某某\ndeadine: 2026-01-01"))
        let report = try site.build()
        #expect(report.warnings.map(\.description) == ["content/items/bad.md:8: warning: unknown key \"deadine\"; did you mean \"deadline\"?"])
    }
}

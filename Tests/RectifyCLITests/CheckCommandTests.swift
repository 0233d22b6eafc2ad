import Foundation
import Testing

/// `rectify check`: everything build validates, plus links and freshness; writes nothing.
@Suite struct CheckCommandTests {
    @Test func theSampleContentIsClean() async throws {
        let site = try ScratchSite()
        let result = try await site.rectify("check", ["--as-of", "2026-11-26"])
        #expect(result.status == 0)
        #expect(result.stdout == "\(site.content.path): 0 errors, 0 warnings\n")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func unknownKeysAreReportedWithASuggestion() async throws {
        let site = try ScratchSite()
        try site.edit("items/1.2.3.md") { $0.replacingOccurrences(of: "measures:", with: "measure:") }
        let result = try await site.rectify("check", ["--as-of", "2026-11-26"])
        #expect(result.stdout.contains("\(site.content.path)/items/1.2.3.md:10: warning: unknown key \"measure\"; did you mean \"measures\"?\n"))
        #expect(result.status == 0)
        #expect(try await site.rectify("check", ["--as-of", "2026-11-26", "--strict"]).status == 1)
    }

    @Test func brokenLinksAndAnchorsAreErrorsWithTheirLines() async throws {
        let site = try ScratchSite()
        try site.write("items/zz.md", sampleItem(id: "9.9", body: """
            见[第一项](../1.1.1/index.html)和[附件](../../files/1.1.1-study-list.txt)。

            缺失：[不存在的附件](../../files/missing.pdf)
            以及[错误锚点](../../pages/causes/index.html#没有这一节)。

            外部链接不检查：[政府网](https://www.gov.cn/)。[越界](../../../etc/passwd)
            """))
        let result = try await site.rectify("check", ["--as-of", "2026-11-26"])
        let file = "\(site.content.path)/items/zz.md"
        #expect(result.status == 1)
        #expect(result.stdout == """
            \(file):18: broken link "../../files/missing.pdf": no file files/missing.pdf in the site
            \(file):19: broken link "../../pages/causes/index.html#没有这一节": no anchor "没有这一节" in pages/causes/index.html
            \(file):21: broken link "../../../etc/passwd": it leads outside the site
            \(site.content.path): 3 errors, 0 warnings

            """)
    }

    @Test func staleOpenItemsAreWarnings() async throws {
        let site = try ScratchSite()
        let result = try await site.rectify("check", ["--as-of", "2027-01-15"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("/items/1.2.1.md:17: warning: no update for 58 days (last on 2026-11-18, limit stale_days: 30)\n"))
        #expect(!result.stdout.contains("/items/1.1.1.md"), "done items are never stale")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let files: [String] = lines.dropLast().map { String($0.prefix { $0 != ":" }) }
        #expect(files.count > 3)
        #expect(files == files.sorted(), "one line per problem, sorted by file")
        #expect(lines.last == "\(site.content.path): 0 errors, \(files.count) warnings")
    }

    @Test func contentErrorsAreReportedLikeBuild() async throws {
        let site = try ScratchSite()
        try site.edit("items/2.1.1.md") { $0.replacingOccurrences(of: "deadline: 2026-12-31", with: "deadline: 2026-13-01") }
        let result = try await site.rectify("check", ["--as-of", "2026-11-26"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("\(site.content.path)/items/2.1.1.md:9: bad date \"2026-13-01\" for \"deadline\" (expected YYYY-MM-DD)\n"))
    }

    /// A broken link does not stop the check: every warning is printed once, and the stale
    /// items are still found.
    @Test func aBrokenLinkKeepsEveryWarningOnceAndTheStaleItems() async throws {
        let site = try ScratchSite()
        try site.edit("items/1.2.3.md") { $0.replacingOccurrences(of: "measures:", with: "measure:") }
        try site.write("items/zz.md", sampleItem(id: "9.9", body: "[缺失](../../files/missing.pdf)"))
        let result = try await site.rectify("check", ["--as-of", "2027-01-15"])
        #expect(result.status == 1)
        #expect(result.stdout.occurrences(of: "unknown key \"measure\"") == 1, "\(result.stdout)")
        #expect(result.stdout.contains("/items/1.2.1.md:17: warning: no update for 58 days"), "stale items are checked after a link error")
        let summary = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let warnings = result.stdout.split(separator: "\n").filter { $0.contains(": warning: ") }.count
        #expect(summary == "\(site.content.path): 1 error, \(warnings) warnings")
    }
}

/// A zh-CN site's `check` speaks Chinese: its findings and its summary.
@Suite struct ChineseCheckTests {
    @Test func theSampleSitesCheckIsInChinese() async throws {
        let site = try ScratchSite()
        try site.edit("items/1.2.3.md") { $0.replacingOccurrences(of: "measures:", with: "measure:") }
        let result = try await site.rectify("check", ["--as-of", "2026-11-26", "--lang", "zh-CN"])
        #expect(result.stdout == """
            \(site.content.path)/items/1.2.3.md:10: 提醒：不认识的项目名“measure”，是不是“measures”？
            \(site.content.path)：0 处错误，1 处提醒

            """)
    }
}

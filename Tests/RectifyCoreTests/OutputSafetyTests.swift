import Foundation
import Testing
import RectifyCore

/// Nothing is lost: a failed build leaves the previous output as it was; the same
/// input gives the same bytes.
@Suite struct OutputSafetyTests {
    @Test func aFailedBuildLeavesThePreviousOutputByteIdentical() throws {
        let site = try TestSite(fixture: "small-site")
        try site.build()
        let before = try site.snapshot()
        try site.write("items/one.md", "---\nid: broken\n---\n")
        _ = try site.buildErrors()
        #expect(try site.snapshot() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.folder.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }

    @Test func aSuccessfulBuildReplacesTheOutputAsAWhole() throws {
        let site = try TestSite(fixture: "small-site")
        try site.build()
        try Data("stale".utf8).write(to: site.output.appending(path: "stale.html"))
        try Data().write(to: site.output.appending(path: ".gitkeep"))
        try site.remove("items/four.md")
        try site.build()
        #expect(!site.exists("stale.html"))
        #expect(!site.exists("items/2.1/index.html"))
        #expect(site.exists("items/1.2/index.html"))
        #expect(site.exists(".gitkeep"), "the git placeholder survives rebuilds")
    }

    @Test func theSameInputGivesByteIdenticalOutput() throws {
        let site = try TestSite(copying: Repository.content)
        let second = site.folder.appending(path: "second")
        try site.build(asOf: "2026-11-26")
        try site.build(asOf: "2026-11-26", output: second)
        let first = try site.snapshot(), other = try site.snapshot(of: second)
        #expect(first.count > 30)
        #expect(first == other)
    }

    @Test func theAsOfDateChangesOnlyWhatDependsOnIt() throws {
        let site = try TestSite(fixture: "small-site")
        try site.build(asOf: "2026-04-01")
        #expect(try site.page("index.html").contains("2026-04-01"))
        try site.build(asOf: "2027-01-01")
        let home = try site.page("index.html")
        #expect(home.contains("统计截至 <time datetime=\"2027-01-01\">"))
        #expect(!home.contains("2026-04-01"))
    }
}

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
        // A file the last build did not write stops the build (it would be lost unasked)...
        #expect(throws: RectifyError.self) { try site.build() }
        #expect(site.exists("stale.html") && site.exists("items/2.1/index.html"))
        // ...unless the output may be replaced whatever it holds.
        try site.build { $0.forceOutput = true }
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

/// The fallback for filesystems without an atomic exchange never loses the old site.
@Suite struct OutputFallbackTests {
    @Test func aFailedSecondMovePutsTheOldSiteBack() throws {
        let site = try TestSite(fixture: "small-site")
        try site.build()
        let before = try site.snapshot()
        let writer = try OutputWriter(output: site.output)
        try writer.write("<p>new</p>", to: "index.html")
        var moves = 0
        let aside = site.folder.appending(path: ".public.old-test")
        #expect(throws: RectifyError.self) {
            try writer.replaceInTwoMoves(aside: aside) { from, to in
                moves += 1
                if moves == 2 { errno = EXDEV; return -1 }  // the new site cannot take its place
                return rename(from, to)
            }
        }
        writer.abandon()
        #expect(try site.snapshot() == before, "the old site is back in place")
        #expect(!FileManager.default.fileExists(atPath: aside.path))
    }

    @Test func anOldSiteLeftAsideByAKilledBuildIsRestoredNotDeleted() throws {
        let site = try TestSite(fixture: "small-site")
        try site.build()
        let before = try site.snapshot()
        // A build killed between its two moves: the old site aside, no output.
        try FileManager.default.moveItem(at: site.output, to: site.folder.appending(path: ".public.old-4242"))
        let writer = try OutputWriter(output: site.output)
        writer.abandon()
        #expect(try site.snapshot() == before)
    }
}

import Foundation
import Testing

/// Nothing lost: a build killed at any moment leaves the previous output byte-identical,
/// and two builds into the same folder never mix their files.
@Suite(.serialized) struct InterruptedBuildTests {
    /// The sample content plus `count` generated items, so a build takes a while.
    func largeSite(items count: Int) throws -> ScratchSite {
        let site = try ScratchSite()
        for number in 1...count {
            try site.write("items/gen-\(number).md", sampleItem(id: "9.\(number)", title: "生成的问题\(number)", body: """
                ## 问题表现

                第\(number)项问题的**说明**，含表格：

                | 措施 | 进度 |
                |---|---|
                | 措施\(number) | ~~未开始~~ 进行中 |

                - [x] 已完成第一步
                - [ ] 第二步
                """))
        }
        return site
    }

    @Test func killedBuildsLeaveThePreviousOutputByteIdentical() async throws {
        let site = try largeSite(items: 200)
        let theme = Rectify.repository.appending(path: "theme").path
        // A second version of the content: one item's title changed.
        let edited = site.root.appending(path: "content-edited")
        try FileManager.default.copyItem(at: site.content, to: edited)
        let item = edited.appending(path: "items/1.1.1.md")
        try String(contentsOf: item, encoding: .utf8).replacingOccurrences(of: "学习制度有温差", with: "学习制度有温差（已修改）")
            .write(to: item, atomically: false, encoding: .utf8)
        func start(_ content: URL, into output: URL) throws -> ChildProcess {
            try ChildProcess(rectify: ["build", "--content", content.path, "--theme", theme, "--output", output.path, "--as-of", "2026-11-26", "--no-search"])
        }
        func build(_ content: URL, into output: URL) async throws -> Int32? {
            try await start(content, into: output).wait()
        }
        // The kills land at random moments within the faster of two builds (the machine may
        // be busy with other tests during one of them).
        func timed(_ content: URL, into output: URL) async throws -> Double {
            let started = ContinuousClock.now
            #expect(try await build(content, into: output) == 0)
            let elapsed = (ContinuousClock.now - started).components
            return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        }
        let first = try await timed(site.content, into: site.output)
        let previous = try site.snapshot()
        let reference = site.root.appending(path: "reference")
        let buildSeconds = min(first, try await timed(edited, into: reference))
        let next = try site.snapshot(reference)
        #expect(previous.count > 200 && previous != next)

        var generator = SplitMix64(seed: 20261126)
        var keptPrevious = 0
        // Half the kills land at random moments; the other half as soon as the build's staging
        // folder appears, so some surely come mid-build however fast this machine is.
        let staging = site.root.path + "/.public.staging-"
        for round in 0..<6 {
            let delay = Double(generator.next() % 1000) / 1000 * buildSeconds * 0.7
            let process = try start(edited, into: site.output)
            if round % 2 == 0 {
                try await Task.sleep(for: .milliseconds(Int(delay * 1000)))
            } else {
                let deadline = ContinuousClock.now + .seconds(30)
                while !FileManager.default.fileExists(atPath: staging + String(process.pid)), ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(1))
                }
            }
            process.kill()
            await process.wait()
            let now = try site.snapshot()
            let isPrevious = now == previous, isNext = now == next
            #expect(isPrevious || isNext, "round \(round): killed after \(delay) s, the output is neither the previous site nor the new one")
            if isPrevious { keptPrevious += 1 }
            if isNext {
                // The kill came after the new site was swapped in; put the previous one back.
                #expect(try await build(site.content, into: site.output) == 0)
                let restored = try site.snapshot() == previous
                #expect(restored)
            }
        }
        print("6 builds killed: \(keptPrevious) before the swap (previous site kept), \(6 - keptPrevious) after it (new site whole)")
        #expect(keptPrevious >= 2, "kills should land before the swap, mid-build")
        #expect(try await build(edited, into: site.output) == 0)
        let final = try site.snapshot() == next
        #expect(final)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".public.") && !$0.hasSuffix(".lock") && !$0.hasSuffix(".rectify-cache") }
        #expect(leftovers.isEmpty, "a later build removes what killed builds left: \(leftovers)")
    }

    @Test func twoBuildsAtOnceDoNotMixTheirFiles() async throws {
        let site = try largeSite(items: 150)
        let other = try ScratchSite()
        try FileManager.default.removeItem(at: other.content)
        try FileManager.default.copyItem(at: site.content, to: other.content)
        for number in 1...150 {
            try other.edit("items/gen-\(number).md") { $0.replacingOccurrences(of: "生成的问题", with: "另一版本的问题") }
        }
        let referenceA = site.root.appending(path: "a"), referenceB = site.root.appending(path: "b")
        #expect(try await site.rectify("build", ["--output", referenceA.path, "--as-of", "2026-11-26", "--no-search"]).status == 0)
        #expect(try await other.rectify("build", ["--output", referenceB.path, "--as-of", "2026-11-26", "--no-search"]).status == 0)
        let a = try site.snapshot(referenceA), b = try site.snapshot(referenceB)

        for _ in 0..<2 {
            let theme = Rectify.repository.appending(path: "theme").path
            let first = try ChildProcess(rectify: ["build", "--content", site.content.path, "--theme", theme, "--output", site.output.path, "--as-of", "2026-11-26", "--no-search"])
            let second = try ChildProcess(rectify: ["build", "--content", other.content.path, "--theme", theme, "--output", site.output.path, "--as-of", "2026-11-26", "--no-search"])
            let statuses = await (first.wait(), second.wait())
            #expect(statuses.0 == 0 && statuses.1 == 0)
            let result = try site.snapshot()
            let whole = result == a || result == b
            #expect(whole, "the output must be one build's whole site")
        }
    }
}

/// A small deterministic random number generator, so failures can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

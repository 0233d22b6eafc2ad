import Foundation
import Testing

/// Inputs that make Debian's cmark-gfm 0.29 (without the 2023 fixes) slow or read out of
/// bounds. Each build ends within the time limit with a page or with one error naming the
/// file; none hangs or crashes the build.
@Suite struct HostileMarkdownTests {
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let body: String
        /// True where the input takes many times the 2 s limit even on a fast machine.
        let mustTimeOut: Bool
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "image-brackets-60k", body: String(repeating: "![[]()", count: 10_000), mustTimeOut: false),
        Case(name: "nested-lists-then-blank-lines", body: String(repeating: "- ", count: 10_000) + String(repeating: "\n", count: 20_000), mustTimeOut: false),
        Case(name: "quotes-then-emphasis-50k", body: String(repeating: ">", count: 10_000) + String(repeating: "a*", count: 20_000), mustTimeOut: false),
        Case(name: "wide-table-130k", body: "|" + String(repeating: "a|", count: 3000) + "\n|" + String(repeating: "-|", count: 3000) + "\n"
             + String(repeating: "|" + String(repeating: "b|", count: 3000) + "\n", count: 20), mustTimeOut: false),
        Case(name: "table-autocompleted-cells-60k", body: "|a|\n|-|\n" + String(repeating: "|", count: 30_000) + "\n" + String(repeating: "x\n", count: 15_000), mustTimeOut: false),
        Case(name: "table-autocompleted-cells-200k", body: "|a|\n|-|\n" + String(repeating: "|", count: 100_000) + "\n" + String(repeating: "x\n", count: 50_000), mustTimeOut: true),
        Case(name: "autolink-parens-200k", body: "www.a.com" + String(repeating: ")", count: 200_000), mustTimeOut: true),
        Case(name: "email-autolink-out-of-bounds", body: ":a@b.c", mustTimeOut: false),
    ]

    @Test(arguments: cases)
    func endsWithAPageOrOneErrorWithinTheLimit(_ hostile: Case) async throws {
        let site = try ScratchSite()
        try site.write("items/hostile.md", sampleItem(id: "9.9", body: hostile.body))
        let started = ContinuousClock.now
        let result = try await site.build(["--render-timeout", "2"])
        let elapsed = ContinuousClock.now - started
        print("hostile \(hostile.name): exit \(result.status) in \(elapsed)")
        #expect(elapsed < .seconds(60), "the build must end in bounded time")
        if result.status == 0 {
            #expect(!hostile.mustTimeOut, "\(hostile.name) should have been stopped")
            #expect(FileManager.default.fileExists(atPath: site.output.appending(path: "items/9.9/index.html").path))
        } else {
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("\(site.content.path)/items/hostile.md:15: "))
            #expect(result.stderr.contains("took longer than 2 s") || result.stderr.contains("over 20×"))
            #expect(!FileManager.default.fileExists(atPath: site.output.path), "a failed build writes nothing")
        }
    }

    @Test func oneHostileFileAmongManyFailsAloneAndNamesItself() async throws {
        let site = try ScratchSite()
        try site.write("items/hostile.md", sampleItem(id: "9.9", body: "www.a.com" + String(repeating: ")", count: 200_000)))
        let result = try await site.build(["--render-timeout", "1"])
        #expect(result.status == 1)
        #expect(result.stderr == """
            \(site.content.path)/items/hostile.md:15: Markdown rendering took longer than 1 s and was stopped (the file may trigger a slow path in cmark-gfm)
            1 error found; nothing was written.

            """)
    }

    @Test func filesOverOneMebibyteAreRejectedBeforeParsing() async throws {
        let site = try ScratchSite()
        try site.write("items/big.md", sampleItem(id: "9.9", body: String(repeating: "大", count: 400_000)))
        let result = try await site.build()
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(site.content.path)/items/big.md: file is 1200"))
        #expect(result.stderr.contains("over the limit of 1048576 bytes"))
    }
}

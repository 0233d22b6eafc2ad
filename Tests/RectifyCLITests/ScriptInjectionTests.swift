import Foundation
import Testing

/// Nothing let in: scripts written into front matter or Markdown never run in the built
/// pages, proven by loading the pages in headless Chromium.
@Suite struct ScriptInjectionTests {
    /// Each payload, if it ran, would add the attribute `data-xss="ran"` to the page.
    static let mark = "document.documentElement.setAttribute('data-x'+'ss','ran')"

    func hostileSite() async throws -> ScratchSite {
        let site = try ScratchSite()
        let script = "<script>\(Self.mark)</script>"
        try site.write("items/xss.md", """
            ---
            id: "9.9"
            title: "\\"><script>\(Self.mark)</script><img src=x onerror=\\"\(Self.mark)\\">"
            category: political-duty
            group: study
            status: in_progress
            leader: "</title><script>\(Self.mark)</script>"
            department: "' onmouseover='\(Self.mark)' x='"
            deadline: 2026-12-31
            measures: "javascript:\(Self.mark)"
            updates:
              - date: 2026-11-20
                note: "<svg onload=\\"\(Self.mark)\\"></svg>"
            ---

            \(script)

            <img src="x" onerror="\(Self.mark)">

            [点我](javascript:\(Self.mark.replacingOccurrences(of: "(", with: "%28").replacingOccurrences(of: ")", with: "%29")))
            [链接文字 <script>\(Self.mark)</script>](https://example.org "标题\\" onclick=\\"\(Self.mark)")

            <iframe src="javascript:\(Self.mark)"></iframe>

            ![图](javascript:\(Self.mark))
            """)
        #expect(try await site.build().status == 0)
        return site
    }

    @Test(.enabled(if: Chromium.available))
    func noScriptFromTheContentRunsInAnyPageThatShowsIt() async throws {
        let site = try await hostileSite()
        let pages = ["items/9.9/index.html", "index.html", "ledger/index.html", "categories/political-duty/index.html",
                     "status/in_progress/index.html", "items/1.1.3/index.html"]
        let marks = try await Chromium.rootAttribute("data-xss", afterLoading: pages.map { site.output.appending(path: $0) })
        #expect(marks.count == pages.count)
        for (page, mark) in zip(pages, marks) {
            #expect(mark != nil, "\(page) did not load")
            #expect(mark != "ran", "a script from the content ran in \(page)")
        }
        let item = try String(contentsOf: site.output.appending(path: "items/9.9/index.html"), encoding: .utf8)
        #expect(item.occurrences(of: "<script") == 1 && item.contains("<script src=\"../../static/print.js\" defer></script>"), "only the theme's own script")
        #expect(!item.contains("<iframe") && !item.contains("<svg") && !item.contains("onerror=\""))
        #expect(!item.contains("href=\"javascript:") && !item.contains("src=\"javascript:"))
        #expect(item.contains("&lt;/title&gt;&lt;script&gt;"), "front matter text is shown, escaped")
    }

    /// A quote followed by a combining mark is one character that is not a quote: escaped
    /// by Unicode scalar, it still becomes `&quot;`, in an override template that puts the
    /// title in an attribute and in the theme's own `site.title` attribute alike.
    @Test(.enabled(if: Chromium.available))
    func aQuoteWithACombiningMarkStaysInsideItsAttribute() async throws {
        let site = try ScratchSite()
        let payload = "\\\"\\u0301 onerror=\\\"\(Self.mark)"
        try site.write("items/xss.md", sampleItem(id: "9.9", title: "\"\(payload)\""))
        try site.edit("site.yml") { $0.replacingOccurrences(of: "title: \"县民政局巡察反馈意见整改进展\"", with: "title: \"县民政局\(payload)\"") }
        let template = try String(contentsOf: Rectify.repository.appending(path: "theme/templates/item.mustache"), encoding: .utf8)
        try site.write("templates/item.mustache", template.replacingOccurrences(of: "{{#item}}\n", with: "{{#item}}\n<img alt=\"{{title}}\" src=\"x\">\n"))
        #expect(try await site.build(["--no-search"]).status == 0)
        let item = try String(contentsOf: site.output.appending(path: "items/9.9/index.html"), encoding: .utf8)
        #expect(item.contains("<img alt=\"&quot;\u{0301} onerror=&quot;"), "the quote is escaped though a mark follows it")
        let pages = ["items/9.9/index.html", "index.html"]
        let marks = try await Chromium.rootAttribute("data-xss", afterLoading: pages.map { site.output.appending(path: $0) })
        for (page, mark) in zip(pages, marks) {
            #expect(mark != nil, "\(page) did not load")
            #expect(mark != "ran", "a script from the content ran in \(page)")
        }
    }

    /// The control: the same check does see a script that runs, so the test above can fail.
    @Test(.enabled(if: Chromium.available))
    func theCheckDetectsAScriptThatRuns() async throws {
        let folder = try TemporaryFolder()
        let page = folder.url.appending(path: "control.html")
        try "<!DOCTYPE html><html><body><p>control</p><script>\(Self.mark)</script></body></html>".write(to: page, atomically: true, encoding: .utf8)
        let quiet = folder.url.appending(path: "quiet.html")
        try "<!DOCTYPE html><html><body><p>no script</p></body></html>".write(to: quiet, atomically: true, encoding: .utf8)
        // Through the same harness as the tests above: a script that runs is seen, in any
        // position, and a page without one is not reported.
        #expect(try await Chromium.rootAttribute("data-xss", afterLoading: [quiet, page, quiet]) == ["", "ran", ""])
    }
}

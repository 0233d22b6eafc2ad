import Foundation
import Testing
import RectifyTheme

/// Render plans against Mustache itself: for views of every shape, with hostile text, a
/// theme that reuses plans renders exactly what Mustache alone renders.
@Suite struct RenderPlanTests {
    struct Entry: TemplateView {
        var name: String
        var note: String?
        var count: Int
        var done: Bool

        static let contract = ViewContract<Entry>("Entry", "A test entry.", [
            .text("name", "a name", { $0.name }),
            .text("note", "an optional note", { $0.note }),
            .number("count", "a number", { $0.count }),
            .flag("done", "a flag", { $0.done }),
        ])
    }

    struct Page: TemplateView {
        var title: String
        var body: String
        var entries: [Entry]
        var first: Entry?

        static let contract = ViewContract<Page>("Page", "A test page.", [
            .text("title", "its title", { $0.title }),
            .html("body", "raw HTML", { $0.body }),
            .list("entries", "its entries", { $0.entries }),
            .view("first", "the first entry", { $0.first }),
        ])
    }

    static let template = """
        <h1>{{title}}</h1>
        {{{body}}}
        {{#first}}<p class="first">{{name}}{{#note}} – {{note}}{{/note}}</p>{{/first}}
        <ul>
        {{#entries}}
          <li class="{{#done}}done{{/done}}{{^done}}open{{/done}}">{{name}} ({{count}}){{^note}} no note{{/note}}{{#note}}: {{{note}}} / {{note}}{{/note}}</li>
        {{/entries}}
        {{^entries}}<li>none</li>{{/entries}}
        </ul>
        {{> partials/footer}}
        """

    static func theme(plans: Bool) throws -> Theme {
        let folder = FileManager.default.temporaryDirectory.appending(path: "rectify-plans-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appending(path: "templates/partials"), withIntermediateDirectories: true)
        try template.write(to: folder.appending(path: "templates/page.mustache"), atomically: true, encoding: .utf8)
        try "<footer>{{title}}</footer>\n".write(to: folder.appending(path: "templates/partials/footer.mustache"), atomically: true, encoding: .utf8)
        return try Theme(directory: folder, overrides: nil, required: ["page"], reusePlans: plans)
    }

    /// Pages of repeating shapes, with text that escapes, ends in a newline, is empty, holds
    /// Mustache tags or private-use characters.
    static func pages() -> [Page] {
        let texts = ["普通", "a < b & \"c\" 'd'", "ends with newline\n", "", "{{title}} {{{x}}}", "私用\u{E000}<1\u{E001}", "<\u{0301}"]
        return (0..<200).map { number in
            let entries = (0..<(number % 4)).map { index in
                Entry(name: texts[(number + index) % texts.count], note: (number + index) % 3 == 0 ? nil : texts[(index * 5 + number) % texts.count],
                      count: number * 10 + index, done: (number + index) % 2 == 0)
            }
            return Page(title: texts[number % texts.count], body: "<p>\(number)</p>", entries: entries, first: entries.first)
        }
    }

    @Test func plansRenderExactlyWhatMustacheRenders() throws {
        let planned = try Self.theme(plans: true), plain = try Self.theme(plans: false)
        var differing = 0
        for page in Self.pages() {
            let fast = try planned.render("page", page), slow = try plain.render("page", page)
            if fast != slow { differing += 1 }
        }
        #expect(differing == 0)
        let sample = try plain.render("page", Self.pages()[1])
        #expect(sample.contains("a &lt; b &amp; &quot;c&quot; &#39;d&#39;"), "the hostile text reached the page, escaped")
    }

    @Test func anIndentedStandalonePartialTurnsPlansOffAndIsNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "rectify-plans-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appending(path: "templates/partials"), withIntermediateDirectories: true)
        try "<div>\n  {{> partials/footer}}\n</div>\n".write(to: folder.appending(path: "templates/page.mustache"), atomically: true, encoding: .utf8)
        try "<footer>{{title}}</footer>\n".write(to: folder.appending(path: "templates/partials/footer.mustache"), atomically: true, encoding: .utf8)
        let theme = try Theme(directory: folder, overrides: nil, required: ["page"])
        #expect(theme.planBlockers == [folder.appending(path: "templates/page.mustache").path])
        #expect(try theme.render("page", Self.pages()[0]) == "<div>\n  <footer>普通</footer>\n</div>\n")
    }

    /// A generator with a fixed seed, so that a failure can be run again.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Hostile text: every character HTML escapes, each also followed by combining marks
    /// (which make it part of another `Character`), joiners, CJK, private use, Mustache tags.
    static func hostileText(_ random: inout SeededGenerator) -> String {
        let pieces = ["<", ">", "&", "\"", "'", "\u{0301}", "\u{20DD}", "\u{200D}", "\u{FE0F}", "a", "中", "\u{E000}", "\n", "\r\n",
                      "{{", "}}", "&quot;", "🏳️‍🌈", " ", "\"\u{0301}", "<\u{0338}", "'\u{0300}\u{0301}"]
        return (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    /// The differential test: random views of every field through both engines give the
    /// same bytes, and no value's `<>&"'` survives unescaped in an escaped place.
    @Test func bothEnginesEscapeEveryScalarTheSame() throws {
        let planned = try Self.theme(plans: true), plain = try Self.theme(plans: false)
        var random = SeededGenerator(state: 20261205)
        for _ in 0..<500 {
            let entries = (0..<Int.random(in: 0...3, using: &random)).map { index in
                Entry(name: Self.hostileText(&random), note: Bool.random(using: &random) ? nil : Self.hostileText(&random),
                      count: index, done: Bool.random(using: &random))
            }
            let page = Page(title: Self.hostileText(&random), body: "<p>ok</p>", entries: entries, first: entries.first)
            let fast = try planned.render("page", page), slow = try plain.render("page", page)
            #expect(fast == slow, "the engines differ: \(fast.debugDescription) \(slow.debugDescription)")
            // Found by bytes: a combining mark after `<h1>` makes `>` part of another character.
            let bytes = Array(slow.utf8)
            let open = Array("<h1>".utf8), close = Array("</h1>".utf8)
            let start = (0...(bytes.count - open.count)).first { Array(bytes[$0..<$0 + open.count]) == open }! + open.count
            let end = (start...(bytes.count - close.count)).first { Array(bytes[$0..<$0 + close.count]) == close }!
            let heading = bytes[start..<end]
            #expect(!heading.contains { "<>\"'".utf8.contains($0) }, "an unescaped byte in \(String(decoding: heading, as: UTF8.self))")
        }
    }

    @Test func aQuoteFollowedByACombiningMarkIsEscaped() {
        #expect(HTMLEscape.escaped("\"\u{0301} onmouseover=\"x") == "&quot;\u{0301} onmouseover=&quot;x")
        #expect(HTMLEscape.escaped("<\u{0338}a>'\u{0300}&") == "&lt;\u{0338}a&gt;&#39;\u{0300}&amp;")
        #expect(HTMLEscape.escaped("普通文字") == "普通文字")
    }
}

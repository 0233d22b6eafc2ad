/// Where an index page's rows go: joined into its view, or left as markers that the writer
/// replaces with the rows as it streams the page to disk (`SiteWriter.writeStreamed`).
///
/// With markers, an index page's view is a few hundred bytes instead of megabytes at 10,000
/// items: its shape reuses a render plan like any small page, and no page-sized string is
/// made. Markers are used only when every template's output depends on its views' shapes
/// alone (no transforms, no indented partials), so a marker is placed exactly where the
/// rows would have been; the Mustache-only build joins, and the same-output test compares
/// the two.
final class RowSlots {
    let streaming: Bool
    /// The rows behind each marker, by the marker's number.
    private(set) var lists: [[String]] = []
    /// Tells this page's markers from any text a view might hold. Drawn only when a marker
    /// is placed: every item page is written through here too, and places none.
    private(set) lazy var nonce = UInt64.random(in: 1...UInt64.max)

    init(streaming: Bool) {
        self.streaming = streaming
    }

    /// The HTML for `rows` as the view holds it: all of it, or a marker. Empty rows stay
    /// empty (a template may test for them), and rows that end with a newline keep it after
    /// their marker (Mustache looks at a value's last line).
    func place(_ rows: [String]) -> String {
        guard streaming, let last = rows.last(where: { !$0.isEmpty }) else { return rows.joined() }
        lists.append(rows)
        return Self.open + "<\(nonce)-\(lists.count - 1)" + Self.close + (last.utf8.last == 0x0A ? "\n" : "")
    }

    static let open = "\u{E002}"
    static let close = "\u{E003}"
}

import Foundation

/// Makes HTML rendered for one page work inside the one-document print view
/// (`print/index.html`): links to items and pages become links to their sections in the
/// document, other relative links are rebased, and element IDs get a prefix so that the
/// sections' headings do not clash.
struct PrintLinks {
    /// The print document's own path.
    static let documentPath = "print/index.html"

    /// The anchor of an item's or a page's section in the print document.
    static func anchor(forItem id: String) -> String { "item-\(id)" }
    static func anchor(forPage name: String) -> String { "page-\(name)" }

    /// Rewrites `html`, rendered for the page at `page`, whose section anchor is `section`.
    static func rebase(_ html: String, from page: String, section: String) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count + 256)
        var rest = html[...]
        while let match = nextAttribute(in: rest) {
            output += rest[..<match.valueStart]
            let value = String(rest[match.valueStart..<match.valueEnd])
            output += match.name == "id" ? "\(section)-\(value)" : rebaseURL(value, from: page, section: section)
            rest = rest[match.valueEnd...]
        }
        output += rest
        return output
    }

    /// The next ` href="`, ` src="` or ` id="` attribute: its name and the range of its value,
    /// found by scanning the UTF-8 bytes (the names and quotes are ASCII).
    private static func nextAttribute(in text: Substring) -> (name: String, valueStart: Substring.Index, valueEnd: Substring.Index)? {
        let bytes = text.utf8
        let names: [(String, [UInt8])] = [("href", Array(" href=\"".utf8)), ("src", Array(" src=\"".utf8)), ("id", Array(" id=\"".utf8))]
        var index = bytes.startIndex
        while index != bytes.endIndex {
            if bytes[index] == UInt8(ascii: " ") {
                for (name, pattern) in names where bytes[index...].starts(with: pattern) {
                    let valueStart = bytes.index(index, offsetBy: pattern.count)
                    guard let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
                    return (name, valueStart, valueEnd)
                }
            }
            index = bytes.index(after: index)
        }
        return nil
    }

    /// A fragment as the element ID it names: percent-decoded (cmark-gfm encodes non-ASCII
    /// characters), then escaped again for an HTML attribute.
    static func decoded(_ fragment: Substring) -> String {
        XMLText.escaped(String(fragment).removingPercentEncoding ?? String(fragment))
    }

    static func rebaseURL(_ url: String, from page: String, section: String) -> String {
        if url.isEmpty || LinkChecker.hasScheme(url) || url.hasPrefix("/") { return url }
        if url.hasPrefix("#") { return "#\(section)-" + decoded(url.dropFirst()) }
        var path = Substring(url), fragment: Substring?
        if let hash = path.firstIndex(of: "#") {
            fragment = path[path.index(after: hash)...]
            path = path[..<hash]
        }
        guard let target = LinkChecker.resolve(String(path), from: page) else { return url }
        let parts = target.split(separator: "/")
        if parts.count >= 2, parts.count <= 3, parts[0] == "items" || parts[0] == "pages", parts.count == 2 || parts[2] == "index.html" {
            let anchor = parts[0] == "items" ? Self.anchor(forItem: String(parts[1])) : Self.anchor(forPage: String(parts[1]))
            return "#" + anchor + (fragment.map { "-" + decoded($0) } ?? "")
        }
        return "../" + target + (fragment.map { "#\($0)" } ?? "")
    }
}

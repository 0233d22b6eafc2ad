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
        while let match = rest.firstMatch(of: /\s(href|src|id)="([^"]*)"/) {
            output += rest[..<match.range.lowerBound]
            let attribute = String(match.output.1), value = String(match.output.2)
            let rewritten = attribute == "id" ? "\(section)-\(value)" : rebaseURL(value, from: page, section: section)
            output += " \(attribute)=\"\(rewritten)\""
            rest = rest[match.range.upperBound...]
        }
        output += rest
        return output
    }

    /// A fragment as the element ID it names: percent-decoded (cmark-gfm encodes non-ASCII
    /// characters), then escaped again for an HTML attribute.
    static func decoded(_ fragment: Substring) -> String {
        let text = String(fragment).removingPercentEncoding ?? String(fragment)
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
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

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
        var html = html
        html.withUTF8 { bytes in
            func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            var copied = 0
            for attribute in attributes(in: bytes) {
                output += text(copied..<attribute.value.lowerBound)
                let value = text(attribute.value)
                output += attribute.name == "id" ? "\(section)-\(value)" : rebaseURL(value, from: page, section: section)
                copied = attribute.value.upperBound
            }
            output += text(copied..<bytes.count)
        }
        return output
    }

    private static let attributeNames: [(name: String, pattern: [UInt8])] = [
        ("href", Array(" href=\"".utf8)), ("src", Array(" src=\"".utf8)), ("id", Array(" id=\"".utf8)),
    ]

    /// Every ` href="`, ` src="` and ` id="` attribute: its name and the byte range of its
    /// value (the names and quotes are ASCII, so a byte scan finds them).
    private static func attributes(in bytes: UnsafeBufferPointer<UInt8>) -> [(name: String, value: Range<Int>)] {
        var found: [(name: String, value: Range<Int>)] = []
        var index = 0
        scan: while index < bytes.count {
            guard bytes[index] == UInt8(ascii: " ") else {
                index += 1
                continue
            }
            for (name, pattern) in attributeNames where index + pattern.count <= bytes.count
                && pattern.indices.allSatisfy({ bytes[index + $0] == pattern[$0] }) {
                let start = index + pattern.count
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: "\"") { end += 1 }
                guard end < bytes.count else { break scan }
                found.append((name, start..<end))
                index = end
                continue scan
            }
            index += 1
        }
        return found
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

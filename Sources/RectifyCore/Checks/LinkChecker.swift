import Foundation
import RectifyMarkdown

/// Resolves the relative links of a page against the files of the built site.
struct LinkChecker {
    /// Every output path, with the element IDs of the HTML ones.
    let anchors: [String: Set<String>]

    enum Problem: Equatable {
        case missingTarget(String)
        case missingAnchor(page: String, anchor: String)
        case leavesSite
        case rootAbsolute
    }

    /// What is wrong with `url` on the page at `page` (e.g. `items/1.2/index.html`), if anything.
    /// Links with a scheme (`https:`, `mailto:`) or to another host are not checked.
    func problem(with url: String, on page: String) -> Problem? {
        if url.isEmpty || Self.hasScheme(url) || url.hasPrefix("//") { return nil }
        if url.hasPrefix("/") { return .rootAbsolute }
        var reference = Substring(url)
        var fragment: String?
        if let hash = reference.firstIndex(of: "#") {
            fragment = String(reference[reference.index(after: hash)...])
            reference = reference[..<hash]
        }
        if let query = reference.firstIndex(of: "?") { reference = reference[..<query] }
        let decoded = String(reference).removingPercentEncoding ?? String(reference)
        let target: String
        if decoded.isEmpty {
            target = page
        } else {
            guard let resolved = Self.resolve(decoded, from: page) else { return .leavesSite }
            if anchors[resolved] != nil {
                target = resolved
            } else if anchors[Self.join(resolved, "index.html")] != nil {
                target = Self.join(resolved, "index.html")
            } else {
                return .missingTarget(resolved.isEmpty ? "index.html" : resolved)
            }
        }
        if let fragment, !fragment.isEmpty, target.hasSuffix(".html") {
            let anchor = fragment.removingPercentEncoding ?? fragment
            if anchors[target]?.contains(anchor) != true { return .missingAnchor(page: target, anchor: anchor) }
        }
        return nil
    }

    /// `../x/y` from the folder of `page`; nil if it climbs above the site root.
    static func resolve(_ relative: String, from page: String) -> String? {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for segment in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(segment))
            }
        }
        return parts.joined(separator: "/")
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder + "/" + name
    }

    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
    }

    /// The values of `id="…"` attributes in an HTML page: `memchr` jumps from one `=` to
    /// the next over its UTF-8 bytes.
    static func anchors(in html: String) -> Set<String> {
        var ids: Set<String> = []
        var html = html
        html.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            let end = base + bytes.count
            var position = base
            while let equals = memchr(position, Int32(UInt8(ascii: "=")), end - position) {
                let sign = UnsafePointer<UInt8>(equals.assumingMemoryBound(to: UInt8.self))
                position = sign + 1
                guard sign - base >= 3, sign + 1 < end, sign[1] == UInt8(ascii: "\""), sign[-1] == UInt8(ascii: "d"),
                      sign[-2] == UInt8(ascii: "i"), sign[-3] == UInt8(ascii: " ") else { continue }
                let start = sign + 2
                guard let quote = memchr(start, Int32(UInt8(ascii: "\"")), end - start) else { return }
                let stop = UnsafePointer<UInt8>(quote.assumingMemoryBound(to: UInt8.self))
                ids.insert(String(decoding: UnsafeBufferPointer(start: start, count: stop - start), as: UTF8.self))
                position = stop
            }
        }
        return ids
    }
}

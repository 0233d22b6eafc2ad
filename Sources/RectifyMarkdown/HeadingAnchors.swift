import CCmarkGFM
#if canImport(Glibc)
import Glibc
#endif

/// Gives every heading an `id`, so that `page.html#标题` links work: the heading's text,
/// lower-cased, punctuation dropped, spaces turned into `-` (CJK text is kept), with
/// `-1`, `-2`… added to repeats, as GitHub does.
enum HeadingAnchors {
    /// The slugs of the document's headings, in document order.
    static func slugs(in document: OpaquePointer) -> [String] {
        var slugs: [String] = []
        var used: [String: Int] = [:]
        CmarkTree.forEachNode(under: document) { node in
            guard cmark_node_get_type(node) == CMARK_NODE_HEADING else { return }
            var slug = slug(for: text(of: node))
            if slug.isEmpty { slug = "section" }
            if let count = used[slug] {
                used[slug] = count + 1
                slug += "-\(count + 1)"
            } else {
                used[slug] = 0
            }
            slugs.append(slug)
        }
        return slugs
    }

    static func slug(for text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                result.append(character)
            } else if character == " " {
                result.append("-")
            }
        }
        return result
    }

    /// Adds `id="slug"` to the opening tags `<h1>`…`<h6>`, which cmark-gfm writes in
    /// document order and only for headings (raw HTML is never passed through).
    static func inject(_ slugs: [String], into html: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard !slugs.isEmpty, let base = html.baseAddress else { return Array(html) }
        var output: [UInt8] = []
        output.reserveCapacity(html.count + slugs.count * 16)
        let end = base + html.count
        var copied = base
        var position = base
        var index = 0
        while index < slugs.count, let found = memchr(position, Int32(UInt8(ascii: "<")), end - position) {
            let open = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self))
            position = open + 1
            guard end - open >= 4, open[1] == UInt8(ascii: "h"), open[3] == UInt8(ascii: ">"),
                  (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(open[2]) else { continue }
            output.append(contentsOf: UnsafeBufferPointer(start: copied, count: open - copied))
            output.append(contentsOf: "<h".utf8)
            output.append(open[2])
            output.append(contentsOf: " id=\"".utf8)
            output.append(contentsOf: escape(slugs[index]).utf8)
            output.append(contentsOf: "\">".utf8)
            copied = open + 4
            position = copied
            index += 1
        }
        output.append(contentsOf: UnsafeBufferPointer(start: copied, count: end - copied))
        return output
    }

    private static func text(of heading: OpaquePointer) -> String {
        var text = ""
        CmarkTree.forEachNode(under: heading) { node in
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(node) {
                text += String(cString: literal)
            }
        }
        return text
    }

    private static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}

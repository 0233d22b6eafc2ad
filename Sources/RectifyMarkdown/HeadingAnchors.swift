import CCmarkGFM

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
    static func inject(_ slugs: [String], into html: String) -> String {
        guard !slugs.isEmpty else { return html }
        var output = ""
        output.reserveCapacity(html.utf8.count + slugs.count * 16)
        let bytes = html.utf8
        var copied = bytes.startIndex
        var position = bytes.startIndex
        var index = 0
        // Byte by byte: `<`, `h`, a digit 1–6, `>` are ASCII, so their indices are
        // character boundaries of the text.
        while index < slugs.count, let open = bytes[position...].firstIndex(of: UInt8(ascii: "<")) {
            let tag = bytes[open...].prefix(4)
            position = bytes.index(after: open)
            guard tag.count == 4, tag.dropFirst().first == UInt8(ascii: "h"), tag.last == UInt8(ascii: ">"),
                  let level = tag.dropFirst(2).first, (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(level) else { continue }
            output += html[copied..<open]
            output += "<h\(Character(Unicode.Scalar(level))) id=\"\(escape(slugs[index]))\">"
            copied = bytes.index(open, offsetBy: 4)
            position = copied
            index += 1
        }
        output += html[copied...]
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
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}

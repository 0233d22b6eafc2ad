/// Limits on how templates nest, checked before Mustache parses or renders them: a partial
/// that includes itself, two that include each other, or thousands of nested sections would
/// overflow the stack (a crash, not a message) in `build`, `check` and `serve`.
enum TemplateNesting {
    /// The deepest sections may nest in one template.
    static let maximumDepth = 64

    /// The tags of `text` in order: the character after `{{` and the tag's name, with the
    /// line each starts on.
    static func tags(in text: String) -> [(sigil: UInt8, name: String, line: Int)] {
        let bytes = Array(text.utf8)
        var tags: [(UInt8, String, Int)] = []
        var index = 0, line = 1
        while index + 1 < bytes.count {
            if bytes[index] == 0x0A { line += 1 }
            guard bytes[index] == 0x7B, bytes[index + 1] == 0x7B else { index += 1; continue }
            var end = index + 2
            while end + 1 < bytes.count, !(bytes[end] == 0x7D && bytes[end + 1] == 0x7D) { end += 1 }
            let inner = bytes[(index + 2)..<min(end, bytes.count)]
            if let sigil = inner.first {
                let name = String(decoding: inner.dropFirst(), as: UTF8.self).trimmingCharacters(in: .whitespaces)
                tags.append((sigil, name, line))
            }
            for byte in inner where byte == 0x0A { line += 1 }
            index = end + 2
        }
        return tags
    }

    /// The line at which sections in `text` nest deeper than `maximumDepth`, if they do.
    static func tooDeep(_ text: String) -> Int? {
        var depth = 0
        for tag in tags(in: text) {
            switch tag.sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"):
                depth += 1
                if depth > maximumDepth { return tag.line }
            case UInt8(ascii: "/"):
                depth = max(0, depth - 1)
            default:
                break
            }
        }
        return nil
    }

    /// A template that includes itself through its partials (`{{> name}}` or `{{< name}}`):
    /// its name, the chain, and the line of the first include; nil if none does.
    static func cycle(in sources: [String: String]) -> (name: String, chain: [String], line: Int)? {
        var includes: [String: [(name: String, line: Int)]] = [:]
        for (name, text) in sources {
            includes[name] = tags(in: text).filter { $0.sigil == UInt8(ascii: ">") || $0.sigil == UInt8(ascii: "<") }.map { ($0.name, $0.line) }
        }
        var done = Set<String>()
        func visit(_ name: String, _ path: [String]) -> [String]? {
            if let start = path.firstIndex(of: name) { return Array(path[start...]) + [name] }
            guard !done.contains(name) else { return nil }
            for include in includes[name] ?? [] {
                if let found = visit(include.name, path + [name]) { return found }
            }
            done.insert(name)
            return nil
        }
        for name in sources.keys.sorted() {
            if let chain = visit(name, []) {
                let first = chain[0]
                let line = includes[first]?.first { $0.name == chain[1] }?.line ?? 1
                return (first, chain, line)
            }
        }
        return nil
    }
}

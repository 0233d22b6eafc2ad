import Foundation

/// Finds the variables a template uses that its view does not have: swift-mustache prints
/// nothing for them, so a misspelt `{{pageTitel}}` would silently vanish from every page.
///
/// Each template is walked with the contract of the view it is rendered with; sections push
/// the contract of what they open (a view, a list's elements, the labels), partials and
/// layouts are walked where they are included, with the names in scope there.
public struct TemplateCheck {
    public struct Problem: Sendable, Equatable {
        public let file: String
        public let line: Int
        /// The variable as written (`item.titel`) and the part that was not found (`titel`).
        public let name: String
        public let missing: String
        /// What it was looked up in ("ItemPage"), and the names that are there.
        public let scope: String
        public let known: [String]
    }

    let sources: [String: (file: String, text: String)]
    let labelKeys: Set<String>

    public init(theme: Theme, labelKeys: Set<String>) {
        sources = theme.sources
        self.labelKeys = labelKeys
    }

    /// The problems of every template in `roots` (template name → its view's contract), each
    /// reported once, sorted by file and line.
    public func problems(roots: [String: ContractSummary]) -> [Problem] {
        var found: [Problem] = []
        for (name, contract) in roots.sorted(by: { $0.key < $1.key }) {
            walk(template: name, stack: [.view(contract)], depth: 0, into: &found)
        }
        var seen = Set<String>()
        return found.filter { seen.insert("\($0.file):\($0.line):\($0.name)").inserted }
            .sorted { ($0.file, $0.line, $0.name) < ($1.file, $1.line, $1.name) }
    }

    /// What a name can be looked up in.
    enum Scope {
        case view(ContractSummary)
        case labels
        /// A plain value (text, number, flag) or something unknown: it has no names of its
        /// own, and lookups go on below it.
        case opaque
        /// A section whose name was not found: anything inside is not checked again.
        case unknown
    }

    private func walk(template name: String, stack: [Scope], depth: Int, into found: inout [Problem]) {
        guard depth < 12, let source = sources[name] else { return }
        guard let tags = MustacheTags.scan(source.text) else { return }  // changed delimiters: not checked
        walk(tags[...], file: source.file, stack: stack, depth: depth, into: &found)
    }

    private func walk(_ tags: ArraySlice<MustacheTags.Tag>, file: String, stack: [Scope], depth: Int, into found: inout [Problem]) {
        var index = tags.startIndex
        while index < tags.endIndex {
            let tag = tags[index]
            switch tag.kind {
            case .variable:
                _ = resolve(tag, file: file, stack: stack, into: &found)
            case .section, .inverted, .parent, .block:
                let end = MustacheTags.closing(of: index, in: tags)
                let inner = tags[(index + 1)..<end]
                switch tag.kind {
                case .section:
                    let scope = resolve(tag, file: file, stack: stack, into: &found)
                    walk(inner, file: file, stack: stack + [scope], depth: depth, into: &found)
                case .inverted:
                    _ = resolve(tag, file: file, stack: stack, into: &found)
                    walk(inner, file: file, stack: stack, depth: depth, into: &found)
                case .parent:
                    walk(inner, file: file, stack: stack, depth: depth, into: &found)
                    walk(template: tag.name, stack: stack, depth: depth + 1, into: &found)
                default:
                    walk(inner, file: file, stack: stack, depth: depth, into: &found)
                }
                index = end
            case .partial:
                walk(template: tag.name, stack: stack, depth: depth + 1, into: &found)
            case .close:
                break
            }
            index += 1
        }
    }

    /// The scope a name opens, reporting it if it is not there.
    private func resolve(_ tag: MustacheTags.Tag, file: String, stack: [Scope], into found: inout [Problem]) -> Scope {
        let name = tag.name
        if name == "." || name.contains("(") || stack.contains(where: { if case .unknown = $0 { return true } else { return false } }) {
            return .unknown
        }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var scope: Scope? = nil
        for frame in stack.reversed() {
            if let inner = lookup(parts[0], in: frame) { scope = inner; break }
        }
        guard var current = scope else {
            let top = stack.reversed().first { if case .view = $0 { return true } else { return false } }
            found.append(problem(tag, file: file, missing: parts[0], in: top ?? .opaque))
            return .unknown
        }
        for part in parts.dropFirst() {
            guard let inner = lookup(part, in: current) else {
                found.append(problem(tag, file: file, missing: part, in: current))
                return .unknown
            }
            current = inner
        }
        return current
    }

    private func lookup(_ name: String, in scope: Scope) -> Scope? {
        switch scope {
        case .view(let contract):
            guard let field = contract.field(named: name) else { return nil }
            switch field.kind {
            case .view(let inner), .list(let inner): return .view(inner)
            case .labels: return .labels
            case .text, .html, .number, .flag: return .opaque
            }
        case .labels:
            return labelKeys.contains(name) ? .opaque : nil
        case .opaque, .unknown:
            return nil
        }
    }

    private func problem(_ tag: MustacheTags.Tag, file: String, missing: String, in scope: Scope) -> Problem {
        switch scope {
        case .view(let contract):
            return Problem(file: file, line: tag.line, name: tag.name, missing: missing, scope: contract.name, known: contract.fields.map(\.name))
        case .labels:
            return Problem(file: file, line: tag.line, name: tag.name, missing: missing, scope: "labels", known: labelKeys.sorted())
        case .opaque, .unknown:
            return Problem(file: file, line: tag.line, name: tag.name, missing: missing, scope: "a plain value", known: [])
        }
    }
}

/// The tags of a Mustache template, with their lines: enough structure to follow sections,
/// partials and layouts, without rendering.
enum MustacheTags {
    enum Kind {
        case variable, section, inverted, close, partial, parent, block
    }

    struct Tag {
        let kind: Kind
        let name: String
        let line: Int
    }

    /// The tags in order; nil if the template changes its delimiters.
    static func scan(_ text: String) -> [Tag]? {
        var tags: [Tag] = []
        let bytes = Array(text.utf8)
        var index = 0, line = 1
        while index < bytes.count {
            if bytes[index] == 0x0A { line += 1; index += 1; continue }
            guard bytes[index] == 0x7B, index + 1 < bytes.count, bytes[index + 1] == 0x7B else { index += 1; continue }
            let triple = index + 2 < bytes.count && bytes[index + 2] == 0x7B
            let start = index + (triple ? 3 : 2)
            guard let close = find([0x7D, 0x7D], in: bytes, from: start) else { break }
            var body = String(decoding: bytes[start..<close], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            let tagLine = line
            line += bytes[index..<close].filter { $0 == 0x0A }.count
            index = close + 2 + (triple && close + 2 < bytes.count && bytes[close + 2] == 0x7D ? 1 : 0)
            guard let first = body.first else { continue }
            let kind: Kind
            switch first {
            case "!": continue
            case "=": return nil
            case "#": kind = .section
            case "^": kind = .inverted
            case "/": kind = .close
            case ">": kind = .partial
            case "<": kind = .parent
            case "$": kind = .block
            case "&": kind = .variable
            default: kind = .variable; body = " " + body
            }
            tags.append(Tag(kind: kind, name: String(body.dropFirst()).trimmingCharacters(in: .whitespaces), line: tagLine))
        }
        return tags
    }

    /// The index of the tag that closes the one at `open` (or the end).
    static func closing(of open: Int, in tags: ArraySlice<Tag>) -> Int {
        var depth = 0
        var index = open + 1
        while index < tags.endIndex {
            switch tags[index].kind {
            case .section, .inverted, .parent, .block: depth += 1
            case .close:
                if depth == 0 { return index }
                depth -= 1
            default: break
            }
            index += 1
        }
        return tags.endIndex
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && bytes[index + 1] == needle[1] { return index }
            index += 1
        }
        return nil
    }
}

import CYAML

/// Parses YAML text into a `YAMLNode` tree, with line numbers shifted by `lineOffset`
/// (the line of the file on which the YAML text starts, minus one).
///
/// The tree is built straight from libyaml's events. Content has no use for YAML's
/// anchors and aliases, and an alias can make a few hundred bytes expand into gigabytes,
/// so both are refused at their line; so are documents nested deeper than
/// `maximumDepth` or with more than `maximumNodes` values. Scalars are kept as written
/// (no tag resolution); text holding a control character is refused at its line, since
/// web pages, feeds and spreadsheets cannot carry it.
public enum YAMLDocument {
    public static let maximumDepth = 64
    public static let maximumNodes = 200_000

    public static func parse(_ text: String, lineOffset: Int = 0) throws(FrontMatterError) -> YAMLNode {
        let reader = EventReader(text: text, lineOffset: lineOffset)
        return try reader.document()
    }
}

/// One pass over libyaml's events.
private final class EventReader {
    private let bytes: [UInt8]
    private let lineOffset: Int
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private var nodes = 0

    init(text: String, lineOffset: Int) {
        bytes = Array(text.utf8)
        self.lineOffset = lineOffset
        parser = .allocate(capacity: 1)
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    func document() throws(FrontMatterError) -> YAMLNode {
        try bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(FrontMatterError) -> YAMLNode in
                yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
                return try readStream()
            }
        }.get()
    }

    private func readStream() throws(FrontMatterError) -> YAMLNode {
        var event = try next()
        defer { yaml_event_delete(&event) }
        guard event.type == YAML_STREAM_START_EVENT else { throw unexpected(event) }
        var start = try next()
        defer { yaml_event_delete(&start) }
        if start.type == YAML_STREAM_END_EVENT { return YAMLNode(line: lineOffset + 1, kind: .mapping([])) }
        guard start.type == YAML_DOCUMENT_START_EVENT else { throw unexpected(start) }
        let root = try readNode(depth: 0)
        var end = try next()
        defer { yaml_event_delete(&end) }
        guard end.type == YAML_DOCUMENT_END_EVENT else { throw unexpected(end) }
        var after = try next()
        defer { yaml_event_delete(&after) }
        if after.type != YAML_STREAM_END_EVENT {
            throw FrontMatterError(line: line(after.start_mark), .extraDocument)
        }
        if case .scalar(_, isNull: true) = root.kind { return YAMLNode(line: root.line, kind: .mapping([])) }
        return root
    }

    /// The node whose first event comes next.
    private func readNode(depth: Int) throws(FrontMatterError) -> YAMLNode {
        var event = try next()
        defer { yaml_event_delete(&event) }
        return try node(startingWith: &event, depth: depth)
    }

    private func node(startingWith event: inout yaml_event_t, depth: Int) throws(FrontMatterError) -> YAMLNode {
        let line = line(event.start_mark)
        nodes += 1
        if nodes > YAMLDocument.maximumNodes {
            throw FrontMatterError(line: line, .tooManyValues(limit: YAMLDocument.maximumNodes))
        }
        if depth > YAMLDocument.maximumDepth {
            throw FrontMatterError(line: line, .tooDeep(limit: YAMLDocument.maximumDepth))
        }
        switch event.type {
        case YAML_ALIAS_EVENT:
            let name = string(event.data.alias.anchor) ?? ""
            throw FrontMatterError(line: line, .alias(name))
        case YAML_SCALAR_EVENT:
            try refuseAnchor(event.data.scalar.anchor, line: line)
            let scalar = event.data.scalar
            let text = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
            if let control = text.unicodeScalars.first(where: Self.isForbidden) {
                let code = String(control.value, radix: 16, uppercase: true)
                throw FrontMatterError(line: line, .controlCharacter(String(repeating: "0", count: max(0, 4 - code.count)) + code))
            }
            let isNull = scalar.style == YAML_PLAIN_SCALAR_STYLE && ["", "~", "null", "Null", "NULL"].contains(text)
            return YAMLNode(line: line, kind: .scalar(text, isNull: isNull))
        case YAML_SEQUENCE_START_EVENT:
            try refuseAnchor(event.data.sequence_start.anchor, line: line)
            var items: [YAMLNode] = []
            while true {
                var item = try next()
                defer { yaml_event_delete(&item) }
                if item.type == YAML_SEQUENCE_END_EVENT { break }
                items.append(try node(startingWith: &item, depth: depth + 1))
            }
            return YAMLNode(line: line, kind: .sequence(items))
        case YAML_MAPPING_START_EVENT:
            try refuseAnchor(event.data.mapping_start.anchor, line: line)
            var entries: [YAMLEntry] = []
            // Keys seen so far, in a set: a list scan would make 100,000 keys quadratic.
            var seen = Set<String>()
            while true {
                var keyEvent = try next()
                defer { yaml_event_delete(&keyEvent) }
                if keyEvent.type == YAML_MAPPING_END_EVENT { break }
                let key = try node(startingWith: &keyEvent, depth: depth + 1)
                guard case .scalar(let name, _) = key.kind else {
                    throw FrontMatterError(line: key.line, .keyNotText)
                }
                if !seen.insert(name).inserted {
                    throw FrontMatterError(line: key.line, .duplicateKey(name))
                }
                let value = try readNode(depth: depth + 1)
                entries.append(YAMLEntry(key: name, keyLine: key.line, value: value))
            }
            return YAMLNode(line: line, kind: .mapping(entries))
        default:
            throw unexpected(event)
        }
    }

    /// C0 controls other than tab, line feed and carriage return, and the two non-characters
    /// XML forbids.
    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    private func refuseAnchor(_ anchor: UnsafeMutablePointer<yaml_char_t>?, line: Int) throws(FrontMatterError) {
        guard let name = string(anchor) else { return }
        throw FrontMatterError(line: line, .anchor(name))
    }

    private func next() throws(FrontMatterError) -> yaml_event_t {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw parseError() }
        return event
    }

    private func parseError() -> FrontMatterError {
        let problem = parser.pointee.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.pointee.error {
        case YAML_READER_ERROR:
            // The reader names a byte offset, not a line.
            let offset = min(parser.pointee.problem_offset, bytes.count)
            let line = bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 } + lineOffset
            return FrontMatterError(line: line, .unreadable(problem))
        default:
            let context = parser.pointee.context.map { String(cString: $0) }
            let detail = context.map { "\($0), \(problem)" } ?? problem
            return FrontMatterError(line: line(parser.pointee.problem_mark), .malformed(detail))
        }
    }

    private func unexpected(_ event: yaml_event_t) -> FrontMatterError {
        FrontMatterError(line: line(event.start_mark), .unexpectedStructure)
    }

    private func line(_ mark: yaml_mark_t) -> Int { Int(mark.line) + 1 + lineOffset }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}

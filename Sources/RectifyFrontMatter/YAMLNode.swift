/// A YAML value with the line it starts on, independent of the parser library.
///
/// Scalars keep their source text (`1.10` stays `"1.10"`, never the number 1.1),
/// so IDs and dates are read exactly as written.
public struct YAMLNode: Sendable {
    public enum Kind: Sendable {
        /// `isNull` is true for an empty plain scalar, `~` or `null`.
        case scalar(String, isNull: Bool)
        case sequence([YAMLNode])
        case mapping([YAMLEntry])
    }

    public let line: Int
    public let kind: Kind

    public init(line: Int, kind: Kind) {
        self.line = line
        self.kind = kind
    }

    /// The scalar's text, or nil for null scalars, sequences and mappings.
    public var string: String? {
        if case .scalar(let text, let isNull) = kind, !isNull { return text }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    public var entries: [YAMLEntry]? {
        if case .mapping(let entries) = kind { return entries }
        return nil
    }

    /// The entry for `key` in a mapping.
    public subscript(key: String) -> YAMLEntry? {
        entries?.first { $0.key == key }
    }

    /// A short name of the kind, for messages ("a list", "a mapping", "text").
    public var kindDescription: String {
        switch kind {
        case .scalar(_, let isNull): return isNull ? "empty" : "text"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

public struct YAMLEntry: Sendable {
    public let key: String
    public let keyLine: Int
    public let value: YAMLNode

    public init(key: String, keyLine: Int, value: YAMLNode) {
        self.key = key
        self.keyLine = keyLine
        self.value = value
    }
}

import Yams

/// Parses YAML text into a `YAMLNode` tree, with line numbers shifted by `lineOffset`
/// (the line of the file on which the YAML text starts, minus one).
public enum YAMLDocument {
    public static func parse(_ text: String, lineOffset: Int = 0) throws(FrontMatterError) -> YAMLNode {
        let root: Node?
        do {
            // Scalars are kept as text, so no tag resolution (the default resolver runs several
            // regular expressions over every plain scalar); the encoding is named, because
            // Yams's default reads the process environment on every call.
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw Self.describe(error, lineOffset: lineOffset)
        } catch {
            throw FrontMatterError(line: lineOffset + 1, message: "malformed YAML: \(error)")
        }
        guard let root else {
            return YAMLNode(line: lineOffset + 1, kind: .mapping([]))
        }
        return try convert(root, lineOffset: lineOffset)
    }

    private static func convert(_ node: Node, lineOffset: Int) throws(FrontMatterError) -> YAMLNode {
        let line = (node.mark?.line ?? 1) + lineOffset
        switch node {
        case .scalar(let scalar):
            let isNull = scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
            return YAMLNode(line: line, kind: .scalar(scalar.string, isNull: isNull))
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for element in sequence {
                items.append(try convert(element, lineOffset: lineOffset))
            }
            return YAMLNode(line: line, kind: .sequence(items))
        case .mapping(let mapping):
            var entries: [YAMLEntry] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw FrontMatterError(line: line, message: "a mapping key must be plain text")
                }
                let keyLine = (key.mark?.line ?? 1) + lineOffset
                if entries.contains(where: { $0.key == keyScalar.string }) {
                    throw FrontMatterError(line: keyLine, message: "duplicate key \"\(keyScalar.string)\"")
                }
                entries.append(YAMLEntry(key: keyScalar.string, keyLine: keyLine, value: try convert(value, lineOffset: lineOffset)))
            }
            return YAMLNode(line: line, kind: .mapping(entries))
        case .alias:
            throw FrontMatterError(line: line, message: "YAML aliases (*name) are not supported")
        }
    }

    private static func describe(_ error: YamlError, lineOffset: Int) -> FrontMatterError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text), \(problem)" } ?? problem
            return FrontMatterError(line: mark.line + lineOffset, message: "malformed YAML: \(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return FrontMatterError(
                line: context.mark.line + lineOffset,
                message: "duplicate key \(duplicates.map { "\"\($0)\"" }.joined(separator: ", "))")
        case .reader(let problem, _, _, _):
            return FrontMatterError(line: lineOffset + 1, message: "unreadable YAML: \(problem)")
        default:
            return FrontMatterError(line: lineOffset + 1, message: "malformed YAML: \(error)")
        }
    }
}

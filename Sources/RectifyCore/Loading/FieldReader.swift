import RectifyFrontMatter

/// Reads typed fields from a YAML mapping, logging each problem with its file and line.
struct FieldReader {
    let node: YAMLNode
    let file: String
    let log: DiagnosticLog

    /// A required, non-empty text field; logs and returns nil when missing or wrong.
    func text(_ key: String) -> String? {
        guard let entry = node[key] else {
            log.error(file, node.line, "missing required field \"\(key)\"")
            return nil
        }
        return text(entry)
    }

    func text(_ entry: YAMLEntry) -> String? {
        if case .scalar(let raw, _) = entry.value.kind, raw.trimmedSpaces.isEmpty {
            log.error(file, entry.keyLine, "\"\(entry.key)\" is empty; write its value after the colon")
            return nil
        }
        guard let value = entry.value.string?.trimmedSpaces, !value.isEmpty else {
            log.error(file, entry.keyLine, "\"\(entry.key)\" must be text, not \(entry.value.kindDescription)")
            return nil
        }
        return value
    }

    /// An optional text field: nil when absent or empty, logged when of the wrong kind.
    func optionalText(_ key: String) -> String? {
        guard let entry = node[key] else { return nil }
        if case .scalar(_, isNull: true) = entry.value.kind { return nil }
        return text(entry)
    }

    func day(_ key: String) -> Day? {
        guard let entry = node[key] else {
            log.error(file, node.line, "missing required field \"\(key)\"")
            return nil
        }
        return day(entry)
    }

    func day(_ entry: YAMLEntry) -> Day? {
        guard let text = text(entry) else { return nil }
        guard let day = Day(text) else {
            log.error(file, entry.value.line, "bad date \"\(text)\" for \"\(entry.key)\" (expected YYYY-MM-DD)")
            return nil
        }
        return day
    }

    /// An optional whole number of days (0 or more).
    func days(_ key: String, default value: Int) -> Int {
        guard let entry = node[key] else { return value }
        guard let text = text(entry), let days = Int(text), days >= 0 else {
            log.error(file, entry.value.line, "\"\(key)\" must be a whole number of days")
            return value
        }
        return days
    }

    func bool(_ key: String) -> Bool {
        guard let entry = node[key], let text = entry.value.string else { return false }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            log.error(file, entry.keyLine, "\"\(key)\" must be true or false, not \"\(text)\"")
            return false
        }
    }

    func list(_ key: String) -> [YAMLNode]? {
        guard let entry = node[key] else { return nil }
        if case .scalar(_, isNull: true) = entry.value.kind { return [] }
        guard let items = entry.value.sequence else {
            log.error(file, entry.keyLine, "\"\(key)\" must be a list, not \(entry.value.kindDescription)")
            return nil
        }
        return items
    }

    /// A reader for a list element that must itself be a mapping.
    func element(_ node: YAMLNode, of key: String) -> FieldReader? {
        guard node.entries != nil else {
            log.error(file, node.line, "each entry of \"\(key)\" must be a mapping of keys to values")
            return nil
        }
        return FieldReader(node: node, file: file, log: log)
    }

    /// Warns about keys outside `known`, suggesting the closest known key.
    func warnUnknownKeys(_ known: [String]) {
        for entry in node.entries ?? [] where !known.contains(entry.key) {
            var message = "unknown key \"\(entry.key)\""
            if let suggestion = Suggestion.closest(to: entry.key, in: known) {
                message += "; did you mean \"\(suggestion)\"?"
            }
            log.warning(file, entry.keyLine, message)
        }
    }
}

extension String {
    var trimmedSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

import Foundation
import RectifyFrontMatter

/// Reads typed fields from a YAML mapping, logging each problem with its file and line.
struct FieldReader {
    let node: YAMLNode
    let file: String
    let log: DiagnosticLog
    /// In a build of the public edition, the markings that keep things out of it
    /// (`visibility`, `internal`, `public_edition`): an unknown key that looks like one of
    /// them is an error, since what it was meant to hide would be published.
    var guardedMarkings: [String] = []
    /// In a build of the public edition, inside `public_edition:`: every unknown key is an error.
    var unknownKeysAreErrors = false

    /// A required, non-empty text field; logs and returns nil when missing or wrong.
    func text(_ key: String) -> String? {
        guard let entry = node[key] else {
            log.error(file, node.line, log.messages.missingField(key))
            return nil
        }
        return text(entry)
    }

    func text(_ entry: YAMLEntry) -> String? {
        if case .scalar(let raw, _) = entry.value.kind, raw.trimmedSpaces.isEmpty {
            log.error(file, entry.keyLine, log.messages.emptyField(entry.key))
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
            log.error(file, node.line, log.messages.missingField(key))
            return nil
        }
        return day(entry)
    }

    func day(_ entry: YAMLEntry) -> Day? {
        guard let text = text(entry) else { return nil }
        guard let day = Day(text) else {
            log.error(file, entry.value.line, dateProblem(text, key: entry.key))
            return nil
        }
        // A year far from now is a slip (`0026-12-31` from `26.12.31`), never a real date of
        // a rectification: it would put the item decades late or decades ahead.
        guard Day.plausibleYears.contains(day.year) else {
            log.error(file, entry.value.line, log.messages.implausibleYear(text, key: entry.key))
            return nil
        }
        return day
    }

    /// What is wrong with a date that did not parse: a day that does not exist, or a form
    /// staff often type (`2027年3月31日`, `2027/3/31`, `2027.3.31`), with the right form.
    func dateProblem(_ text: String, key: String) -> String {
        let numbers = text.split { !$0.isASCII || !$0.isNumber }.compactMap { Int($0) }
        guard numbers.count == 3, numbers[0] >= 1000, (1...12).contains(numbers[1]) else {
            return log.messages.badDate(text, key: key, suggestion: nil)
        }
        let (year, month, day) = (numbers[0], numbers[1], numbers[2])
        let days = Day.daysIn(month: month, year: year)
        guard (1...days).contains(day) else {
            return log.messages.impossibleDate(text, key: key, year: year, month: month, days: days)
        }
        let written = String(format: "%04d-%02d-%02d", year, month, day)
        return log.messages.badDate(text, key: key, suggestion: written)
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

    /// Warns about keys outside `known`, suggesting the closest known key; in the public
    /// edition, an unknown key that may have been meant to keep something out of it is an error.
    func warnUnknownKeys(_ known: [String]) {
        for entry in node.entries ?? [] where !known.contains(entry.key) {
            let suggestion = Suggestion.closest(to: entry.key, in: known)
            if let marking = Self.markingMeant(by: entry.key, among: guardedMarkings) {
                log.error(file, entry.keyLine, log.messages.misspeltMarking(entry.key, suggestion: marking))
            } else if unknownKeysAreErrors {
                log.error(file, entry.keyLine, log.messages.misspeltMarking(entry.key, suggestion: suggestion ?? known.joined(separator: ", ")))
            } else {
                log.warning(file, entry.keyLine, log.messages.unknownKey(entry.key, suggestion: suggestion))
            }
        }
    }

    /// The one of `markings` that `key` may have been meant as: one within a few letters of
    /// it, or, for `visibility`, a word that says "keep this out" in either language.
    static func markingMeant(by key: String, among markings: [String]) -> String? {
        let word = key.trimmedSpaces.lowercased()
        for marking in markings where Suggestion.distance(Array(word), Array(marking)) <= max(2, marking.count / 3) {
            return marking
        }
        let intents = ["private", "hidden", "hide", "secret", "confidential", "public", "visible", "公开", "不公开", "内部", "保密", "隐藏"]
        return markings.contains("visibility") && intents.contains(word) ? "visibility" : nil
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

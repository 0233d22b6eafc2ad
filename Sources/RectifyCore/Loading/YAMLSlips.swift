/// The YAML mistakes an input method or an editor makes most, found in the text itself so
/// they can be explained in plain words at the line where they are (the parser often
/// notices them a line later, or in words like "mapping values are not allowed").
enum YAMLSlips {
    enum Slip: Equatable {
        case fullWidthColon(line: Int)
        case tabIndent(line: Int)
        case unclosedBracket(Character, line: Int)
        case unclosedQuote(Character, line: Int)
        case colonInPlainText(line: Int)
    }

    /// What parses but is not what the writer meant: text after ` #` dropped as a comment,
    /// Word's curly quotes kept as part of a value.
    enum Doubt: Equatable {
        case cutAtHash(line: Int, kept: String)
        case curlyQuotes(line: Int)
    }

    /// The first slip in the front matter (or the whole of `site.yml`) up to one line past
    /// the line the parser stopped at.
    static func find(in text: String, through errorLine: Int, frontMatter: Bool) -> Slip? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var first = 0, last = min(lines.count - 1, errorLine)
        if frontMatter {
            guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else { return nil }
            first = 1
            if let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) { last = min(last, end - 1) }
        }
        guard first <= last else { return nil }
        for index in first...last {
            let line = String(lines[index])
            let number = index + 1
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            if indent.contains("\t") { return .tabIndent(line: number) }
            let body = line.dropFirst(indent.count)
            if body.hasPrefix("#") { continue }
            let entry = body.hasPrefix("- ") ? body.dropFirst(2) : body
            // A key followed by a full-width colon, before any ASCII colon or quote.
            if let colon = entry.firstIndex(of: "："), !entry[..<colon].contains(":"), !entry[..<colon].contains("\""),
               !entry[..<colon].contains("'"), !entry[..<colon].isEmpty, !entry[..<colon].contains(" ") {
                return .fullWidthColon(line: number)
            }
            if let colon = entry.range(of: ": ") {
                let value = entry[colon.upperBound...].trimmingCharacters(in: .whitespaces)
                for (open, close) in [("[", "]"), ("{", "}")] where value.hasPrefix(open) {
                    if value.filter({ String($0) == open }).count > value.filter({ String($0) == close }).count {
                        return .unclosedBracket(Character(open), line: number)
                    }
                }
                if let quote = value.first, quote == "\"" || quote == "'", !isClosed(value, by: quote) {
                    return .unclosedQuote(quote, line: number)
                }
                if isPlain(value), value.contains(": ") || value.hasSuffix(":") {
                    return .colonInPlainText(line: number)
                }
            }
        }
        return nil
    }

    /// The doubts in a file's front matter (lines between its first two `---`). Lines of a
    /// block scalar (`|`, `>`) are text, and are left alone.
    static func doubts(in text: String) -> [Doubt] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else { return [] }
        var found: [Doubt] = []
        var blockIndent: Int?
        for (index, raw) in lines.enumerated().dropFirst() {
            let line = String(raw)
            if line.trimmingCharacters(in: .whitespaces) == "---" { break }
            let indent = line.prefix { $0 == " " }.count
            if let block = blockIndent {
                if line.trimmingCharacters(in: .whitespaces).isEmpty || indent > block { continue }
                blockIndent = nil
            }
            var body = line.dropFirst(indent)
            if body.hasPrefix("#") { continue }
            var entryIndent = indent
            while body.hasPrefix("- ") { body = body.dropFirst(2); entryIndent += 2 }
            let value: String
            if let colon = body.range(of: ": ") {
                value = body[colon.upperBound...].trimmingCharacters(in: .whitespaces)
            } else if body.hasSuffix(":") {
                continue
            } else if entryIndent > indent {
                value = body.trimmingCharacters(in: .whitespaces)  // a list item's own text
            } else {
                continue
            }
            if let mark = value.first, mark == "|" || mark == ">" {
                blockIndent = indent
                continue
            }
            if isPlain(value), let hash = value.range(of: " #") {
                found.append(.cutAtHash(line: index + 1, kept: value[..<hash.lowerBound].trimmingCharacters(in: .whitespaces)))
            } else if (value.hasPrefix("“") && value.hasSuffix("”")) || (value.hasPrefix("‘") && value.hasSuffix("’")) {
                found.append(.curlyQuotes(line: index + 1))
            }
        }
        return found
    }

    /// Whether a value is YAML's plain (unquoted, unbracketed) text.
    private static func isPlain(_ value: String) -> Bool {
        guard let first = value.first else { return false }
        return !"\"'[{|>&*!%@`#".contains(first)
    }

    /// Whether a quoted value ends with its closing quote on the same line (`\"` escapes a
    /// double quote; two single quotes are one within single quotes).
    private static func isClosed(_ value: String, by quote: Character) -> Bool {
        var characters = Array(value.dropFirst())[...]
        while let next = characters.first {
            characters = characters.dropFirst()
            if quote == "\"" && next == "\\" { characters = characters.dropFirst(); continue }
            if next == quote {
                if quote == "'" && characters.first == "'" { characters = characters.dropFirst(); continue }
                return true
            }
        }
        return false
    }
}

import Foundation

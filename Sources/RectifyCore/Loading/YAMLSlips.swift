/// The YAML mistakes an input method or an editor makes most, found in the text itself so
/// they can be explained in plain words at the line where they are (the parser often
/// notices them a line later, or in words like "mapping values are not allowed").
enum YAMLSlips {
    enum Slip: Equatable {
        case fullWidthColon(line: Int)
        case tabIndent(line: Int)
        case unclosedBracket(Character, line: Int)
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
            }
        }
        return nil
    }
}

import Foundation

/// A problem in a source text, at a 1-based line of that text. `problem` says which, for a
/// message table to put in the reader's language; `message` is its English wording.
public struct FrontMatterError: Error, Equatable, Sendable, CustomStringConvertible {
    public let line: Int
    public let problem: Problem

    /// What is wrong, with what a message needs to name it.
    public enum Problem: Equatable, Sendable {
        case missingFrontMatter
        case unclosedFrontMatter
        case notAMapping
        case extraDocument
        case tooManyValues(limit: Int)
        case tooDeep(limit: Int)
        case alias(String)
        case anchor(String)
        /// A control character, as its code (`0007`).
        case controlCharacter(String)
        case keyNotText
        case duplicateKey(String)
        case nulByte
        case invalidUTF8
        /// libyaml's reader could not read the bytes (its words).
        case unreadable(String)
        /// libyaml's parser stopped (its context and problem, in its words).
        case malformed(String)
        case unexpectedStructure
    }

    public init(line: Int, _ problem: Problem) {
        self.line = line
        self.problem = problem
    }

    public var message: String { problem.message }

    public var description: String { "line \(line): \(message)" }
}

extension FrontMatterError.Problem {
    /// The problem in English words.
    public var message: String {
        switch self {
        case .missingFrontMatter: return "missing front matter: the file must start with a line \"---\""
        case .unclosedFrontMatter: return "front matter is not closed: add a line \"---\" after it"
        case .notAMapping: return "front matter must be a mapping of keys to values"
        case .extraDocument: return "only one YAML document is allowed here; remove the extra \"---\""
        case .tooManyValues(let limit): return "too many values (over \(limit)); a content file needs far fewer"
        case .tooDeep(let limit): return "values nested too deeply (over \(limit) levels)"
        case .alias(let name): return "YAML aliases (*\(name)) are not supported; write the value out in full"
        case .anchor(let name): return "YAML anchors (&\(name)) are not supported; write each value out in full"
        case .controlCharacter(let code):
            return "the text contains the control character U+\(code), which pages, feeds and spreadsheets cannot show; remove it"
        case .keyNotText: return "a mapping key must be plain text"
        case .duplicateKey(let name): return "duplicate key \"\(name)\""
        case .nulByte: return "the file contains a NUL byte"
        case .invalidUTF8: return "invalid UTF-8 (save the file as UTF-8)"
        case .unreadable(let detail): return "unreadable YAML: \(detail)"
        case .malformed(let detail): return "malformed YAML: \(detail)"
        case .unexpectedStructure: return "malformed YAML: unexpected structure"
        }
    }
}

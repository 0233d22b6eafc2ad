/// One problem found in the content or theme: `file:line: message`.
public struct Diagnostic: Sendable, Equatable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public let file: String
    public let line: Int?
    public let message: String
    public let severity: Severity

    public init(file: String, line: Int?, message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.message = message
        self.severity = severity
    }

    public var description: String { described(in: Messages("en")) }

    /// `file:line: message`, a warning marked in the words of `messages` (`提醒：`).
    public func described(in messages: Messages) -> String {
        let name = file.escapingControlCharacters
        let place = line.map { "\(name):\($0)" } ?? name
        return severity == .warning ? "\(place): \(messages.warningMark)\(message)" : "\(place): \(message)"
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.file != rhs.file { return NaturalOrder.areInIncreasingOrder(lhs.file, rhs.file) }
        if lhs.line != rhs.line { return (lhs.line ?? 0) < (rhs.line ?? 0) }
        return lhs.message < rhs.message
    }
}

/// Gathers every problem of a run, so that one run reports them all.
final class DiagnosticLog {
    private(set) var entries: [Diagnostic] = []
    /// The words of the messages, in the site's language.
    let messages: Messages

    init(messages: Messages = Messages(nil)) {
        self.messages = messages
    }

    var errors: [Diagnostic] { entries.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { entries.filter { $0.severity == .warning } }

    func error(_ file: String, _ line: Int?, _ message: String) {
        entries.append(Diagnostic(file: file, line: line, message: message))
    }

    func append(_ other: DiagnosticLog) {
        entries += other.entries
    }

    func warning(_ file: String, _ line: Int?, _ message: String) {
        entries.append(Diagnostic(file: file, line: line, message: message, severity: .warning))
    }
}

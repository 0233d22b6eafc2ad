/// Why a build or check did not succeed. The CLI prints it once and exits non-zero.
public enum RectifyError: Error, Sendable, CustomStringConvertible {
    /// The content has problems; every one of them is listed, sorted by file and line.
    case invalidContent([Diagnostic])
    /// A file or folder could not be read or written.
    case io(path: String, reason: String)
    /// Another build holds the output lock.
    case outputLocked(path: String)
    /// The output folder may not be replaced (`OutputGuard`); nothing was done.
    case unsafeOutput(path: String, reason: OutputRefusal)

    /// Where the problems are, without what they say: for the public edition's preview,
    /// whose banner must not quote the text of an item that edition leaves out.
    public func places(_ messages: Messages) -> String {
        guard case .invalidContent(let diagnostics) = self else { return messages.publicPreviewFailed([]) }
        let places = diagnostics.filter { $0.severity == .error }.sorted().map { diagnostic in
            diagnostic.line.map { "\(diagnostic.file.escapingControlCharacters):\($0)" } ?? diagnostic.file.escapingControlCharacters
        }
        return messages.publicPreviewFailed(places)
    }

    public var description: String { described(in: Messages("en")) }

    /// The problems, one a line, and the summary, in the words of `messages`.
    public func described(in messages: Messages) -> String {
        switch self {
        case .invalidContent(let diagnostics):
            let errors = diagnostics.filter { $0.severity == .error }.count
            let lines = diagnostics.sorted().map { $0.described(in: messages) }
            return (lines + [messages.errorsFound(errors)]).joined(separator: "\n")
        case .io(let path, let reason):
            return "\(path): \(reason)"
        case .outputLocked(let path):
            return "\(path): \(messages.outputLocked())"
        case .unsafeOutput(let path, let reason):
            return "--output \(path.isEmpty ? "\"\"" : path): \(reason.message). Nothing was written."
        }
    }
}

import ArgumentParser
import Foundation
import RectifyCore

/// Where errors are printed: once, at the top, to standard error, then exit 1.
enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Runs `body`; on failure prints the problems, once, with a summary in the messages'
    /// language, and exits 1.
    static func run<T>(_ messages: Messages, _ body: () throws(RectifyError) -> T) throws -> T {
        do {
            return try body()
        } catch .invalidContent(let diagnostics) {
            for line in diagnostics.sorted().map({ $0.described(in: messages) }) { self.error(line) }
            self.error(messages.errorsFound(diagnostics.filter { $0.severity == .error }.count))
            throw ExitCode.failure
        } catch {
            self.error(error.described(in: messages))
            throw ExitCode.failure
        }
    }
}

extension Duration {
    var milliseconds: String {
        let (seconds, attoseconds) = components
        return String(format: "%.1f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}

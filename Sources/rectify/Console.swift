import ArgumentParser
import Foundation
import RectifyCore

/// Where errors are printed: once, at the top, to standard error, then exit 1.
enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func run<T>(_ body: () throws(RectifyError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            self.error(error.description)
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

import Foundation

/// `rectify --version`: the version, and the commit it was built from when the program comes
/// from the offline bundle (`make dist` writes `rectify.version` beside it).
enum RectifyVersion {
    static let number = "0.6.0"

    static let current: String = {
        let stamp = currentExecutable.deletingLastPathComponent().appending(path: "rectify.version")
        if let text = try? String(contentsOf: stamp, encoding: .utf8), !text.isEmpty {
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return "rectify \(number) (built from source; `make dist` records the commit)"
    }()
}

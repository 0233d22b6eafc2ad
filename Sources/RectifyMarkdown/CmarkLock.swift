import Foundation

/// libcmark-gfm 0.29 keeps process-global state (extension registry, special-character
/// tables): two renders at once silently corrupt each other. Every call into the C
/// library in this process goes through this one lock.
enum CmarkLock {
    private static let lock = NSLock()

    static func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}

import Foundation
import Synchronization

/// libcmark-gfm 0.29 keeps process-global state (extension registry, special-character
/// tables): two renders at once silently corrupt each other. Every call into the C
/// library in this process goes through this one lock.
enum CmarkLock {
    private static let lock = Mutex(())

    static func withLock<T>(_ body: () throws -> T) rethrows -> T {
        try lock.withLock { _ in try body() }
    }
}

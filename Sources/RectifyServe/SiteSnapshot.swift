import Foundation

/// One complete build of the site, held in memory: every file by its path. Requests are
/// answered from one snapshot, and a rebuild swaps in a new one whole, so a reader never
/// sees half a page.
struct SiteSnapshot: Sendable {
    let files: [String: Data]
    let version: Int
}

/// The current snapshot and the last build error, shared by the server's tasks.
final class SiteStore: @unchecked Sendable {
    private let lock = NSLock()
    private var snapshot = SiteSnapshot(files: [:], version: 0)
    private var error: String?
    private var listeners: [UUID: AsyncStream<Int>.Continuation] = [:]

    var current: (snapshot: SiteSnapshot, error: String?) {
        lock.withLock { (snapshot, error) }
    }

    /// Swaps in a new good build and tells every open page to reload.
    func publish(_ files: SiteSnapshot) {
        let continuations = lock.withLock {
            snapshot = files
            error = nil
            return Array(listeners.values)
        }
        for continuation in continuations { continuation.yield(files.version) }
    }

    /// Keeps the last good build and records why the new one failed; open pages reload to show it.
    func fail(_ message: String) {
        let (continuations, version) = lock.withLock {
            error = message
            return (Array(listeners.values), snapshot.version)
        }
        for continuation in continuations { continuation.yield(version) }
    }

    /// A stream that yields after every rebuild, good or bad.
    func changes() -> AsyncStream<Int> {
        let id = UUID()
        return AsyncStream { continuation in
            lock.withLock { listeners[id] = continuation }
            continuation.onTermination = { [weak self] _ in
                self?.lock.withLock { _ = self?.listeners.removeValue(forKey: id) }
            }
        }
    }
}

import Foundation
import RectifyCore
import Synchronization

/// One complete build of the site, held in memory: every file by its path. Requests are
/// answered from one snapshot, and a rebuild swaps in a new one whole, so a reader never
/// sees half a page.
package struct SiteSnapshot: Sendable {
    package let files: [String: Data]
    /// Grows by one with every snapshot published, full build or fast-path patch.
    package let version: Int
    /// Grows by one with every full build.
    package let build: Int
}

/// The current snapshot, the last build error and what the fast path needs, shared by the
/// server's tasks. Every change happens under one lock, so versions never repeat and a
/// fast-path patch can never overwrite a newer full build.
package final class SiteStore: Sendable {
    package init() {}

    private struct State {
        var snapshot = SiteSnapshot(files: [:], version: 0, build: 0)
        var error: String?
        package var refresh: ItemPageRefresh?
        var listeners: [UUID: AsyncStream<Int>.Continuation] = [:]
    }

    private let state = Mutex(State())

    package var current: (snapshot: SiteSnapshot, error: String?) {
        state.withLock { ($0.snapshot, $0.error) }
    }

    /// What re-renders single item pages, with the full build it belongs to.
    package var refresh: (ItemPageRefresh, build: Int)? {
        state.withLock { state in state.refresh.map { ($0, state.snapshot.build) } }
    }

    /// Swaps in a new full build and tells every open page to reload.
    package func publishBuild(_ files: [String: Data], refresh: ItemPageRefresh?) {
        let (continuations, version) = state.withLock { state in
            state.snapshot = SiteSnapshot(files: files, version: state.snapshot.version + 1, build: state.snapshot.build + 1)
            state.error = nil
            state.refresh = refresh
            return (Array(state.listeners.values), state.snapshot.version)
        }
        for continuation in continuations { continuation.yield(version) }
    }

    /// Lays re-rendered pages over the current snapshot, unless a full build newer than
    /// `build` was published meanwhile (its pages are at least as new). Returns whether it did.
    package func patch(_ pages: [String: Data], ifBuildIs build: Int) -> Bool {
        let result: ([AsyncStream<Int>.Continuation], Int)? = state.withLock { state in
            guard state.snapshot.build == build else { return nil }
            let files = state.snapshot.files.merging(pages) { _, new in new }
            state.snapshot = SiteSnapshot(files: files, version: state.snapshot.version + 1, build: build)
            return (Array(state.listeners.values), state.snapshot.version)
        }
        guard let (continuations, version) = result else { return false }
        for continuation in continuations { continuation.yield(version) }
        return true
    }

    /// Keeps the last good build and records why the new one failed; open pages reload to show it.
    package func fail(_ message: String) {
        let (continuations, version) = state.withLock { state in
            state.error = message
            return (Array(state.listeners.values), state.snapshot.version)
        }
        for continuation in continuations { continuation.yield(version) }
    }

    /// A stream that yields after every rebuild, good or bad.
    package func changes() -> AsyncStream<Int> {
        let id = UUID()
        return AsyncStream { continuation in
            state.withLock { $0.listeners[id] = continuation }
            continuation.onTermination = { [weak self] _ in
                self?.state.withLock { _ = $0.listeners.removeValue(forKey: id) }
            }
        }
    }
}

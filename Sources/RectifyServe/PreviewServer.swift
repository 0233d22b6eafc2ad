import FlyingFox
import Foundation
import RectifyCore

/// `rectify serve`: builds the site, serves it from memory, rebuilds when the content or the
/// theme changes, and makes open pages reload.
public final class PreviewServer: Sendable {
    /// Where the live-reload script connects.
    static let socketPath = "/__rectify/live"

    let options: BuildOptions
    let host: String
    let port: UInt16
    let store = SiteStore()
    private let scratch: URL
    private let builds = NSLock()

    public init(options: BuildOptions, host: String, port: UInt16) {
        var options = options
        scratch = FileManager.default.temporaryDirectory.appending(path: "rectify-serve-\(getpid())-\(UUID().uuidString)")
        options.outputDirectory = scratch.appending(path: "site")
        self.options = options
        self.host = host
        self.port = port
    }

    /// Builds into the scratch folder and swaps the result in; on failure keeps the last good
    /// site and records the error. Returns the message of a failed build.
    @discardableResult
    public func rebuild() -> String? {
        builds.lock()
        defer { builds.unlock() }
        var options = self.options
        options.asOf = .today()
        do {
            _ = try SiteBuilder(options: options).build()
            let version = store.current.snapshot.version + 1
            store.publish(try SiteSnapshot.load(from: options.outputDirectory, version: version))
            return nil
        } catch let error as RectifyError {
            store.fail(error.description)
            return error.description
        } catch {
            store.fail("\(error)")
            return "\(error)"
        }
    }

    /// Serves until cancelled. `ready` is called once the server listens.
    public func run(ready: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        rebuild()
        let server = HTTPServer(address: try .inet(ip4: host, port: port), timeout: 30)
        await server.appendRoute(HTTPRoute("GET /__rectify/live"), to: .webSocket(LiveReload(store: store)))
        await server.appendRoute(HTTPRoute("*"), to: SiteHandler(store: store))
        let watcher = ContentWatcher(folders: [options.contentDirectory, options.themeDirectory])
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            group.addTask {
                try await server.waitUntilListening()
                ready("http://\(self.host):\(self.port)/")
                await watcher.watch {
                    let started = ContinuousClock.now
                    if let error = self.rebuild() {
                        FileHandle.standardError.write(Data("rebuild failed:\n\(error)\n".utf8))
                    } else {
                        print("rebuilt in \(ContinuousClock.now - started)")
                    }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: scratch)
    }
}

/// Tells each open page, over a WebSocket, when a rebuild has finished.
struct LiveReload: WSMessageHandler {
    let store: SiteStore

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let changes = store.changes()
        return AsyncStream { continuation in
            let task = Task {
                for await version in changes { continuation.yield(.text("reload \(version)")) }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

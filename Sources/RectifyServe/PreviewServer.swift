import FlyingFox
import Foundation
import RectifyCore
import RectifyMarkdown
import Synchronization

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
    /// From the last good build: what re-renders one item page at once after an edit.
    private let refresh = Mutex<ItemPageRefresh?>(nil)
    /// Render workers for that fast path, kept between edits.
    private let fastRenderer: any MarkdownRendering & Sendable

    public init(options: BuildOptions, host: String, port: UInt16) {
        var options = options
        scratch = FileManager.default.temporaryDirectory.appending(path: "rectify-serve-\(getpid())-\(UUID().uuidString)")
        options.outputDirectory = scratch.appending(path: "site")
        options.inMemory = true
        self.options = options
        self.host = host
        self.port = port
        if let executable = options.workerExecutable {
            fastRenderer = ProcessRenderPool(command: executable, workerCount: 1, limits: RenderLimits(timeout: options.renderTimeout))
        } else {
            fastRenderer = MarkdownRenderer()
        }
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
            let builder = SiteBuilder(options: options)
            _ = try builder.build()
            let version = store.current.snapshot.version + 1
            store.publish(SiteSnapshot(files: builder.files ?? [:], version: version))
            refresh.withLock { $0 = builder.itemPageRefresh }
            return nil
        } catch {
            store.fail(error.description)
            return error.description
        }
    }

    /// Serves until cancelled. `ready` is called once the server listens.
    public func run(ready: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        rebuild()
        _ = fastRenderer.render([""])  // starts the fast path's worker now, not at the first edit
        let server = HTTPServer(address: try .inet(ip4: host, port: port), timeout: 30)
        await server.appendRoute(HTTPRoute("GET /__rectify/live"), to: .webSocket(LiveReload(store: store)))
        await server.appendRoute(HTTPRoute("*"), to: SiteHandler(store: store))
        let watcher = ContentWatcher(folders: [options.contentDirectory, options.themeDirectory])
        // Full rebuilds run one at a time off the concurrency pool, so requests are served
        // during them; edits that come in meanwhile get the fast path at once and one more
        // rebuild afterwards.
        let (requests, request) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            group.addTask {
                for await _ in requests {
                    let started = ContinuousClock.now
                    let error = await withCheckedContinuation { done in
                        DispatchQueue.global().async { done.resume(returning: self.rebuild()) }
                    }
                    if let error {
                        FileHandle.standardError.write(Data("rebuild failed:\n\(error)\n".utf8))
                    } else {
                        Self.say("rebuilt in \(ContinuousClock.now - started)")
                    }
                }
            }
            group.addTask {
                try await server.waitUntilListening()
                ready("http://\(self.host):\(self.port)/")
                for await change in watcher.changes() {
                    let started = ContinuousClock.now
                    if let pages = self.refreshItemPages(change) {
                        Self.say("refreshed \(pages.joined(separator: ", ")) in \(ContinuousClock.now - started); rebuilding the rest")
                    }
                    request.yield()
                }
                request.finish()
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// The fast path: when only existing items' files changed, their pages are rendered
    /// again and served at once, before the full rebuild. Returns the pages refreshed.
    func refreshItemPages(_ change: ContentWatcher.Change) -> [String]? {
        let content = options.contentDirectory.standardizedFileURL
        guard !change.paths.isEmpty, change.paths.allSatisfy({ $0.folder == content && $0.relative.hasPrefix("items/") && $0.relative.hasSuffix(".md") }),
              let refresh = refresh.withLock({ $0 }),
              let pages = refresh.pages(forChanged: change.paths.map(\.relative), renderer: fastRenderer) else { return nil }
        let current = store.current.snapshot
        var files = current.files
        for (path, html) in pages { files[path] = Data(html.utf8) }
        store.publish(SiteSnapshot(files: files, version: current.version + 1))
        return pages.keys.sorted()
    }

    /// A line on standard output, written at once (a redirected `print` waits in a buffer).
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
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

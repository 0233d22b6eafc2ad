import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import RectifyCore
import RectifyMarkdown
import Synchronization

/// `rectify serve`: builds the site, serves it from memory, rebuilds when the content or the
/// theme changes, and makes open pages reload.
public final class PreviewServer: Sendable {
    /// Where the live-reload script listens for rebuilds (server-sent events).
    static let eventsPath = "/__rectify/events"
    /// The most a request line plus its headers may take; longer requests get 400 at once.
    static let maximumHeaderBytes = 16 * 1024

    let options: BuildOptions
    let host: String
    let port: UInt16
    let store = SiteStore()
    private let scratch: URL
    /// Held by the one full rebuild running at a time.
    private let builds = Mutex(())
    /// Render workers for that fast path, kept between edits.
    private let fastRenderer: any MarkdownRendering & Sendable

    /// A fixed "data as of" date (`--as-of`); nil: today, at each rebuild.
    let asOf: Day?
    /// The words of the banner, in the site's language (or `--lang`).
    let messages: Messages

    public init(options: BuildOptions, host: String, port: UInt16, asOf: Day? = nil) {
        self.asOf = asOf
        messages = Messages.forSite(options.contentDirectory, override: options.messageLanguage)
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
        builds.withLock { _ -> String? in
            var options = self.options
            options.asOf = asOf ?? .today()
            let builder = SiteBuilder(options: options)
            do throws(RectifyError) {
                _ = try builder.build()
                store.publishBuild(builder.files ?? [:], refresh: builder.itemPageRefresh)
                return nil
            } catch {
                // The public edition's banner names the places only: an error inside an item
                // that edition leaves out would otherwise show its hidden text.
                store.fail(options.edition == .public ? error.places(messages) : error.described(in: messages))
                return error.described(in: messages)
            }
        }
    }

    /// Serves until cancelled. `ready` is called once the server listens.
    public func run(ready: @escaping @Sendable (String) async -> Void = { _ in }) async throws {
        rebuild()
        _ = fastRenderer.render([""])  // starts the fast path's worker now, not at the first edit
        let store = self.store
        let configuration = HTTP1Channel.Configuration(
            httpDecoderConfiguration: .init(maxHeaderFieldSize: Self.maximumHeaderBytes, maxHeaderListSize: Self.maximumHeaderBytes, maxHeaderFieldCount: 100))
        var logger = Logger(label: "rectify-serve")
        logger.logLevel = .critical
        let application = Application(
            responder: SiteResponder(store: store, banner: messages.serveBanner(), allowedHosts: SiteResponder.hosts(for: host, port: port)),
            server: .http1(configuration: configuration),
            configuration: .init(address: .hostname(host, port: Int(port)), serverName: nil),
            onServerRunning: { [host, port] _ in await ready("http://\(host):\(port)/") },
            logger: logger)
        let watcher = ContentWatcher(folders: [options.contentDirectory, options.themeDirectory])
        // Full rebuilds run one at a time off the concurrency pool, so requests are served
        // during them; edits that come in meanwhile get the fast path at once and one more
        // rebuild afterwards.
        let (requests, request) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.runService() }
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
              let (refresh, build) = store.refresh,
              let pages = refresh.pages(forChanged: change.paths.map(\.relative), renderer: fastRenderer) else { return nil }
        // Laid over the newest snapshot, and only if no full build was published since the
        // one these pages were rendered against: a full build is never overwritten.
        guard store.patch(pages.mapValues { Data($0.utf8) }, ifBuildIs: build) else { return nil }
        return pages.keys.sorted()
    }

    /// Ctrl-C (SIGINT) and SIGTERM end the server within half a second, open pages or not:
    /// the server's own graceful shutdown would wait for every live-reload connection, which
    /// a browser keeps open for as long as the page is. The scratch folder is removed first.
    public func stopOnSignals() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [scratch] in
                DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) {
                    try? FileManager.default.removeItem(at: scratch)
                    exit(0)
                }
            }
            source.resume()
            Self.signalSources.append(source)
        }
    }

    /// Kept for the life of the process; written once, at start, on one thread.
    nonisolated(unsafe) private static var signalSources: [any DispatchSourceSignal] = []

    /// A line on standard output, written at once (a redirected `print` waits in a buffer).
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    deinit {
        try? FileManager.default.removeItem(at: scratch)
    }
}


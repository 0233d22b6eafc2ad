import Synchronization
import RectifySystem
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders Markdown in worker processes (`<executable> render-worker`), one per core.
///
/// libcmark-gfm is not thread-safe and, in the version Debian ships, has inputs that take
/// minutes or read out of bounds. Each worker renders one document at a time; a worker
/// that runs past the time limit is killed, one that dies is reported, and either is
/// replaced by a fresh one. A bad file becomes one failure; the other files still render.
public final class ProcessRenderPool: MarkdownRendering, @unchecked Sendable {
    public let command: URL
    public let arguments: [String]
    public let workerCount: Int
    public let limits: RenderLimits

    private let idle = Mutex<[WorkerProcess]>([])

    public init(command: URL, arguments: [String] = ["render-worker"], workerCount: Int = ProcessInfo.processInfo.activeProcessorCount, limits: RenderLimits = RenderLimits()) {
        self.command = command
        self.arguments = arguments
        self.workerCount = max(1, workerCount)
        self.limits = limits
        signal(SIGPIPE, SIG_IGN)
    }

    deinit {
        idle.withLock { workers in for worker in workers { worker.stop() } }
    }

    /// Requests this small are sent one ahead, before the previous answer is read, so a
    /// worker never waits for the next document. A request ahead sits in the pipe while the
    /// worker writes its answer; a pipe holds 64 KiB, so this cannot block.
    static let sendAheadLimit = 32 * 1024

    public func render(_ documents: [String]) -> [Result<RenderedMarkdown, RenderFailure>] {
        var results = [Result<RenderedMarkdown, RenderFailure>](repeating: .failure(.crashed(reason: "not rendered")), count: documents.count)
        let counter = JobCounter()
        let threads = min(workerCount, documents.count)
        let sizes = documents.map(\.utf8.count)
        @Sendable func small(_ index: Int) -> Bool { sizes[index] <= Self.sendAheadLimit }
        results.withUnsafeMutableBufferPointer { slots in
            let slots = Unchecked(slots)
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                var worker: WorkerProcess? = self.checkOut()
                var waiting: [Int] = []   // taken from the counter, not sent yet
                var inFlight: [Int] = []  // sent to `worker`, not answered yet, oldest first
                func next() -> Int? {
                    if !waiting.isEmpty { return waiting.removeFirst() }
                    let index = counter.take()
                    return index < documents.count ? index : nil
                }
                while true {
                    // Send: one document, or two when both are small.
                    sending: while inFlight.count < 2 {
                        if let first = inFlight.first, !small(first) { break }
                        guard let index = next() else { break }
                        if !inFlight.isEmpty && !small(index) {
                            waiting.insert(index, at: 0)
                            break
                        }
                        switch self.send(documents[index], to: &worker, stopOnFailure: inFlight.isEmpty) {
                        case .sent:
                            inFlight.append(index)
                        case .refused(let failure):
                            slots.value[index] = .failure(failure)
                        case .workerGone:
                            // The document in flight may have crashed the worker: its answer
                            // tells; this one goes again to the next worker.
                            waiting.insert(index, at: 0)
                            break sending
                        }
                    }
                    guard !inFlight.isEmpty else {
                        if waiting.isEmpty { break } else { continue }
                    }
                    let index = inFlight.removeFirst()
                    let result = self.receive(documents[index], from: &worker)
                    slots.value[index] = result
                    if worker == nil {
                        // Replaced after a timeout or a crash: what was sent ahead goes again.
                        waiting.insert(contentsOf: inFlight, at: 0)
                        inFlight = []
                    }
                }
                if let worker { self.checkIn(worker) }
            }
        }
        return results
    }

    private enum Sending {
        case sent
        /// Not sent, with the reason to report for this document.
        case refused(RenderFailure)
        /// The worker stopped reading while another document was in flight.
        case workerGone
    }

    /// Sends `markdown` to the worker, starting one if needed.
    private func send(_ markdown: String, to worker: inout WorkerProcess?, stopOnFailure: Bool) -> Sending {
        let size = markdown.utf8.count
        if size > RenderLimits.maximumInputBytes { return .refused(.inputTooLarge(bytes: size)) }
        if worker == nil { worker = try? WorkerProcess(command: command, arguments: arguments) }
        guard let current = worker else { return .refused(.crashed(reason: "cannot start \(command.path) \(arguments.joined(separator: " "))")) }
        if current.send(markdown) { return .sent }
        guard stopOnFailure else { return .workerGone }
        current.stop()
        worker = nil
        return .refused(.crashed(reason: current.exitReason()))
    }

    /// The answer for `markdown`, the oldest document sent; on a timeout or a crash the worker
    /// is stopped and dropped.
    private func receive(_ markdown: String, from worker: inout WorkerProcess?) -> Result<RenderedMarkdown, RenderFailure> {
        guard let current = worker else { return .failure(.crashed(reason: "no worker")) }
        switch current.receive(timeout: limits.timeout) {
        case .success(let rendered):
            if let failure = limits.check(input: markdown.utf8.count, output: rendered.html.utf8.count) { return .failure(failure) }
            return .success(rendered)
        case .failure(let failure):
            current.stop()
            worker = nil
            if case .crashed = failure { return .failure(.crashed(reason: current.exitReason())) }
            return .failure(failure)
        }
    }

    private func checkOut() -> WorkerProcess? {
        idle.withLock { $0.popLast() }
    }

    private func checkIn(_ worker: WorkerProcess) {
        let worker = Unchecked(worker)
        idle.withLock { $0.append(worker.value) }
    }
}

/// Hands out job indexes 0, 1, 2, … to concurrent takers.
final class JobCounter: Sendable {
    private let next = Mutex(0)

    func take() -> Int {
        next.withLock { value in
            defer { value += 1 }
            return value
        }
    }
}

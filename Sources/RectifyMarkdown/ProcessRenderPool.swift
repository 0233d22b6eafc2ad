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

    private let slotsLock = NSLock()
    private var idle: [WorkerProcess] = []

    public init(command: URL, arguments: [String] = ["render-worker"], workerCount: Int = ProcessInfo.processInfo.activeProcessorCount, limits: RenderLimits = RenderLimits()) {
        self.command = command
        self.arguments = arguments
        self.workerCount = max(1, workerCount)
        self.limits = limits
        signal(SIGPIPE, SIG_IGN)
    }

    deinit {
        for worker in idle { worker.stop() }
    }

    public func render(_ documents: [String]) -> [Result<RenderedMarkdown, RenderFailure>] {
        var results = [Result<RenderedMarkdown, RenderFailure>](repeating: .failure(.crashed(reason: "not rendered")), count: documents.count)
        let counter = JobCounter()
        let threads = min(workerCount, documents.count)
        results.withUnsafeMutableBufferPointer { slots in
            let slots = UnsafeSendable(slots)
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                var worker: WorkerProcess? = self.checkOut()
                while true {
                    let index = counter.take()
                    guard index < documents.count else { break }
                    let result = self.render(documents[index], with: &worker)
                    slots.value[index] = result
                }
                if let worker { self.checkIn(worker) }
            }
        }
        return results
    }

    private func render(_ markdown: String, with worker: inout WorkerProcess?) -> Result<RenderedMarkdown, RenderFailure> {
        let size = markdown.utf8.count
        if size > RenderLimits.maximumInputBytes { return .failure(.inputTooLarge(bytes: size)) }
        if worker == nil { worker = try? WorkerProcess(command: command, arguments: arguments) }
        guard let current = worker else { return .failure(.crashed(reason: "cannot start \(command.path) \(arguments.joined(separator: " "))")) }
        let outcome = current.render(markdown, timeout: limits.timeout)
        switch outcome {
        case .success(let rendered):
            if let failure = limits.check(input: size, output: rendered.html.utf8.count) { return .failure(failure) }
            return .success(rendered)
        case .failure(let failure):
            current.stop()
            worker = nil
            if case .crashed = failure { return .failure(.crashed(reason: current.exitReason())) }
            return .failure(failure)
        }
    }

    private func checkOut() -> WorkerProcess? {
        slotsLock.lock()
        defer { slotsLock.unlock() }
        return idle.popLast()
    }

    private func checkIn(_ worker: WorkerProcess) {
        slotsLock.lock()
        defer { slotsLock.unlock() }
        idle.append(worker)
    }
}

/// Hands out job indexes 0, 1, 2, … to concurrent takers.
final class JobCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take() -> Int {
        lock.lock()
        defer { lock.unlock() }
        next += 1
        return next - 1
    }
}

/// A pointer handed to concurrent iterations that each write distinct elements.
struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

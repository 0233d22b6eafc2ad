import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One render worker: a child process with a pipe to its standard input and one from its
/// standard output.
final class WorkerProcess {
    private static let spawning = Mutex(())

    let pid: pid_t
    private let toWorker: Int32
    private let fromWorker: Int32
    private var status: Int32?

    init(command: URL, arguments: [String]) throws {
        var input: [Int32] = [0, 0], output: [Int32] = [0, 0]
        // Pipes are made close-on-exec before any other worker can be started: a worker started
        // at the same moment by another thread must not inherit this worker's pipes, or neither
        // would ever see end of file.
        let spawned = try Self.spawning.withLock { _ throws -> pid_t in
            guard pipe(&input) == 0, pipe(&output) == 0 else { throw POSIXError(.EMFILE) }
            for fd in [input[0], input[1], output[0], output[1]] { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_adddup2(&actions, input[0], 0)
            posix_spawn_file_actions_adddup2(&actions, output[1], 1)
            let argv = ([command.path] + arguments).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var child: pid_t = 0
            let status = posix_spawn(&child, command.path, &actions, nil, argv, environ)
            close(input[0])
            close(output[1])
            guard status == 0 else {
                close(input[1])
                close(output[0])
                throw POSIXError(POSIXErrorCode(rawValue: status) ?? .ENOENT)
            }
            return child
        }
        let child = spawned
        pid = child
        toWorker = input[1]
        fromWorker = output[0]
    }

    deinit { stop() }

    /// Sends one document. Requests are answered in order, so a caller may send the next
    /// one before reading this one's answer, as long as the request fits in the pipe.
    func send(_ markdown: String) -> Bool {
        Descriptor.writeAll(toWorker, WorkerProtocol.encodeRequest(markdown))
    }

    /// The answer to the oldest request not yet answered, or a failure if none comes within
    /// `timeout` seconds from now.
    func receive(timeout: Double) -> Result<RenderedMarkdown, RenderFailure> {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        var reader = DeadlineReader(fd: fromWorker, deadline: deadline)
        do {
            let length = Int(WorkerProtocol.uint32(try reader.read(4)[...]))
            guard length <= RenderLimits.maximumAnswerBytes else {
                return .failure(.brokenWorker(reason: "it announced a \(length)-byte answer, over the limit of \(RenderLimits.maximumAnswerBytes) bytes"))
            }
            guard let rendered = WorkerProtocol.decodeResponse(try reader.read(length)) else {
                return .failure(.crashed(reason: "malformed answer"))
            }
            return .success(rendered)
        } catch DeadlineReader.Failure.timedOut {
            return .failure(.timedOut(seconds: timeout))
        } catch {
            return .failure(.crashed(reason: "no answer"))
        }
    }

    func stop() {
        guard status == nil else { return }
        close(toWorker)
        close(fromWorker)
        kill(pid, SIGKILL)
        var result: Int32 = 0
        while waitpid(pid, &result, 0) < 0 && errno == EINTR {}
        status = result
    }

    /// How the worker ended, for messages: "signal 11 (SIGSEGV)", "exit status 1".
    func exitReason() -> String {
        var result: Int32 = 0
        if status == nil {
            kill(pid, SIGKILL)
            while waitpid(pid, &result, 0) < 0 && errno == EINTR {}
            status = result
        }
        let value = status ?? 0
        let signalNumber = value & 0x7f
        if signalNumber != 0 { return "signal \(signalNumber)\(signalNumber == SIGKILL ? " (killed)" : "")" }
        return "exit status \((value >> 8) & 0xff)"
    }
}

/// Reads from a pipe, giving up at a deadline.
struct DeadlineReader {
    enum Failure: Error { case timedOut, closed }

    let fd: Int32
    let deadline: ContinuousClock.Instant

    mutating func read(_ count: Int) throws(Failure) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let remaining = ContinuousClock.now.duration(to: deadline)
            let milliseconds = max(0, Int(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000))
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(clamping: milliseconds))
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 { throw .timedOut }
            let got = buffer[offset...].withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { throw .closed }
            offset += got
        }
        return buffer
    }
}

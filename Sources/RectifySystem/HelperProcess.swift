import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A helper program (git, Python, Pagefind, a PDF printer) run to its end within a time
/// limit, its output read up to a limit. Past either limit it is killed, not waited for: no
/// input may make a build, a check or `serve` hang, or hold all of a large output.
public enum HelperProcess {
    public struct Outcome: Sendable {
        /// The exit status; nil if the program was killed (time or output limit, or a signal).
        public let status: Int32?
        public let output: Data
        public let errors: Data
        public let timedOut: Bool
        public let outputTooLarge: Bool

        public var succeeded: Bool { status == 0 && !timedOut && !outputTooLarge }
    }

    /// Runs `executable` with `arguments` in `directory` (default: the root folder, so that
    /// nothing in the current folder is picked up), with `input` on its standard input.
    public static func run(_ executable: URL, _ arguments: [String], input: Data? = nil, directory: URL? = nil,
                           environment: [String: String]? = nil, timeout: TimeInterval,
                           outputLimit: Int = 256 << 20) throws -> Outcome {
        let process = Process()
        // The helper dies with this process, even one killed with SIGKILL: `setpriv` (Debian's
        // util-linux, always installed) sets the parent-death signal and then runs the helper.
        // The signal follows the thread that started it, which waits below until the end.
        if let setpriv = diesWithParent {
            process.executableURL = setpriv
            process.arguments = ["--pdeathsig", "KILL", "--", executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory ?? URL(fileURLWithPath: "/")
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inputPipe = input.map { _ in Pipe() }
        process.standardInput = inputPipe ?? FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        let watch = Watch(pid: process.processIdentifier)
        DispatchQueue.global().asyncAfter(deadline: .now() + max(0.01, timeout)) { watch.kill(timedOut: true) }
        if let input, let inputPipe {
            let writer = inputPipe.fileHandleForWriting
            _ = ignoreBrokenPipes
            DispatchQueue.global().async {
                try? writer.write(contentsOf: input)
                try? writer.close()
            }
        }
        let errors = Mutex(Data())
        let errorsRead = DispatchSemaphore(value: 0)
        let errorHandle = err.fileHandleForReading
        DispatchQueue.global().async {
            var collected = Data()
            while let chunk = try? errorHandle.read(upToCount: 65536), !chunk.isEmpty {
                if collected.count < 65536 { collected.append(chunk.prefix(65536 - collected.count)) }
            }
            errors.withLock { $0 = collected }
            errorsRead.signal()
        }
        var output = Data()
        while let chunk = try? out.fileHandleForReading.read(upToCount: 1 << 20), !chunk.isEmpty {
            guard output.count + chunk.count <= outputLimit else {
                watch.kill(timedOut: false)
                break
            }
            output.append(chunk)
        }
        // Foundation tells of the exit from a thread of its own, late when Dispatch's threads
        // are all busy, never where no thread can be made (a small address-space limit). A
        // zombie left 2 s without the news is reaped here, and its own exit status taken; a
        // helper gone (reaped by Foundation) without the news for 10 s more counts as failed,
        // so the caller reports an error instead of waiting for ever.
        var unnoticedFor = 0
        var reapedHere: Int32?? = nil
        while exited.wait(timeout: .now() + 0.05) == .timedOut {
            guard Self.hasEnded(watch.pid) else { unnoticedFor = 0; continue }
            unnoticedFor += 1
            if unnoticedFor >= 40 {
                var status: Int32 = 0
                if waitpid(watch.pid, &status, WNOHANG) == watch.pid {
                    reapedHere = .some(status & 0x7f == 0 ? (status >> 8) & 0xff : nil)
                    break
                }
                if unnoticedFor >= 240 {
                    reapedHere = .some(nil)
                    break
                }
            }
        }
        let (timedOut, tooLarge) = watch.finish()
        try? out.fileHandleForReading.close()
        // Errors are read to the end unless a child of the helper still holds the pipe.
        _ = errorsRead.wait(timeout: .now() + 0.5)
        let status: Int32? = reapedHere ?? (process.terminationReason == .exit ? process.terminationStatus : nil)
        return Outcome(status: status, output: output, errors: errors.withLock { $0 },
                       timedOut: timedOut, outputTooLarge: tooLarge)
    }

    /// Whether the process `pid` has ended: gone, or a zombie not yet reaped.
    private static func hasEnded(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")"),
              stat.distance(from: close, to: stat.endIndex) > 2 else { return true }
        let state = stat[stat.index(close, offsetBy: 2)]
        return state == "Z" || state == "X"
    }

    /// `setpriv`, if it is there and knows `--pdeathsig`.
    private static let diesWithParent: URL? = {
        for path in ["/usr/bin/setpriv", "/bin/setpriv"] where FileManager.default.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        return nil
    }()

    /// A helper that stops reading its input must not end this process: a write to it then
    /// fails with EPIPE instead of raising SIGPIPE.
    private static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// Kills the helper once, at its time or output limit, unless it has already finished.
    private final class Watch: Sendable {
        let pid: pid_t
        private let state = Mutex<(finished: Bool, timedOut: Bool, tooLarge: Bool)>((false, false, false))

        init(pid: pid_t) { self.pid = pid }

        func kill(timedOut: Bool) {
            state.withLock { state in
                guard !state.finished else { return }
                if timedOut { state.timedOut = true } else { state.tooLarge = true }
                Glibc.kill(pid, SIGKILL)
            }
        }

        /// Marks the helper reaped (its pid may be reused now); why it was killed, if it was.
        func finish() -> (timedOut: Bool, tooLarge: Bool) {
            state.withLock { state in
                state.finished = true
                return (state.timedOut, state.tooLarge)
            }
        }
    }

    /// The first of `names` in a folder of the PATH.
    public static func onPath(_ names: [String]) -> URL? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for name in names {
            for folder in folders where folder.hasPrefix("/") && FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return URL(fileURLWithPath: "\(folder)/\(name)")
            }
        }
        return nil
    }
}

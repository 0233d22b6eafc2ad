import Foundation
import RectifySystem
import Synchronization

/// Runs `body` for every index in `0..<count` on all cores and returns the results in index
/// order; with `serial`, on this thread only, one after another. The work must not touch shared mutable state, or must lock it; nothing here may
/// call cmark-gfm (that happens only in the render workers).
func parallelMap<T>(_ count: Int, serial: Bool = false, _ body: (Int) -> T) -> [T] {
    if serial { return (0..<count).map(body) }
    var results = [T?](repeating: nil, count: count)
    withoutActuallyEscaping(body) { body in
        results.withUnsafeMutableBufferPointer { slots in
            let slots = Unchecked(slots)
            let body = Unchecked(body)
            let chunk = max(1, count / (ProcessInfo.processInfo.activeProcessorCount * 8))
            DispatchQueue.concurrentPerform(iterations: (count + chunk - 1) / chunk) { part in
                for index in (part * chunk)..<min(count, (part + 1) * chunk) {
                    slots.value[index] = body.value(index)
                }
            }
        }
    }
    return results.map { $0! }
}

/// Work started on a thread of its own, to run beside other steps and fill the cores they
/// leave idle (`SiteBuilder.write` makes the exports beside the item pages). `wait()` gives
/// its result. With `serial`, the work runs in `wait()` instead, on the caller's thread.
///
/// Whichever comes first runs the work: the thread, or `wait()`. A thread that cannot be
/// made (under a small address-space limit, `Thread.start` fails without a word) once left
/// `wait()` waiting for ever; now the caller does the work itself.
final class BackgroundWork<T>: @unchecked Sendable {
    private var result: Result<T, RectifyError>?
    private let done = DispatchSemaphore(value: 0)
    private let work: () throws(RectifyError) -> T
    private let claimed = Mutex(false)

    init(serial: Bool = false, _ work: @escaping () throws(RectifyError) -> T) {
        self.work = work
        guard !serial else { return }
        let thread = Thread { [self] in
            guard claim() else { return }
            result = Result { () throws(RectifyError) in try self.work() }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// True for the first caller only.
    private func claim() -> Bool {
        claimed.withLock { taken in
            defer { taken = true }
            return !taken
        }
    }

    func wait() throws(RectifyError) -> T {
        if claim() { return try work() }
        done.wait()
        return try result!.get()
    }
}

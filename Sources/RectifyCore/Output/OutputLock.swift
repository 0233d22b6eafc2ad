import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on an output folder, held by one build at a time: a lock file
/// `.<name>.lock` beside the folder, locked with `flock`. The kernel releases it when
/// the process ends, even by `kill -9`.
final class OutputLock {
    private let descriptor: Int32

    /// Waits until no other build holds the lock, then holds it.
    init(for output: URL) throws(RectifyError) {
        let path = output.deletingLastPathComponent().appending(path: ".\(output.lastPathComponent).lock").path
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .io(path: path, reason: "cannot create lock file: \(String(cString: strerror(errno)))") }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(descriptor)
                throw .outputLocked(path: output.path)
            }
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

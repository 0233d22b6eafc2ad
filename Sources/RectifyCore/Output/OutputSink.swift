import Foundation
import Synchronization

/// Where the build puts the site's files: a staging folder (`OutputWriter`) for `build`,
/// or nowhere (`DryRunOutput`) for `check`, which only needs to know what would be written.
protocol OutputSink: AnyObject {
    func write(_ text: String, to relative: String) throws(RectifyError)
    func write(_ data: Data, to relative: String) throws(RectifyError)
    func copy(_ source: URL, to relative: String) throws(RectifyError)
    /// A file written piece by piece, for pages too large to hold in memory at once.
    func open(_ relative: String) throws(RectifyError) -> any OutputFile
    /// Creates these folders now, from one thread: many folders made side by side in one
    /// parent (10,000 item pages) contend for its lock, and the contention costs the CPU
    /// time of the folders themselves again.
    func makeFolders(_ relatives: [String]) throws(RectifyError)
    var filesWritten: Int { get }
}

extension OutputSink {
    func makeFolders(_ relatives: [String]) throws(RectifyError) {}
}

/// A file being written: `append` its pieces in order, then `close` it.
protocol OutputFile: AnyObject {
    func append(_ text: String) throws(RectifyError)
    func close() throws(RectifyError)
}

/// Records what a build would write, and writes nothing.
final class DryRunOutput: OutputSink {
    private let paths = Mutex<Set<String>>([])

    var filesWritten: Int { paths.withLock { $0.count } }

    func write(_ text: String, to relative: String) throws(RectifyError) {
        try record(relative)
    }

    func write(_ data: Data, to relative: String) throws(RectifyError) {
        try record(relative)
    }

    func copy(_ source: URL, to relative: String) throws(RectifyError) {
        guard paths.withLock({ !$0.contains(relative) }) else { throw .io(path: source.path, reason: OutputPath.collision(relative)) }
        try record(relative)
    }

    func open(_ relative: String) throws(RectifyError) -> any OutputFile {
        try record(relative)
        return DiscardedFile()
    }

    private final class DiscardedFile: OutputFile {
        func append(_ text: String) throws(RectifyError) {}
        func close() throws(RectifyError) {}
    }

    private func record(_ relative: String) throws(RectifyError) {
        guard OutputPath.isSafe(relative) else {
            throw .io(path: relative, reason: "refusing to write outside the output folder")
        }
        paths.withLock { _ = $0.insert(relative) }
    }
}

import Foundation

/// Where the build puts the site's files: a staging folder (`OutputWriter`) for `build`,
/// or nowhere (`DryRunOutput`) for `check`, which only needs to know what would be written.
protocol OutputSink: AnyObject {
    func write(_ text: String, to relative: String) throws(RectifyError)
    func copy(_ source: URL, to relative: String) throws(RectifyError)
    var filesWritten: Int { get }
}

/// Records what a build would write, and writes nothing.
final class DryRunOutput: OutputSink {
    private let lock = NSLock()
    private var paths: Set<String> = []

    var filesWritten: Int { lock.withLock { paths.count } }

    func write(_ text: String, to relative: String) throws(RectifyError) {
        try record(relative)
    }

    func copy(_ source: URL, to relative: String) throws(RectifyError) {
        try record(relative)
    }

    private func record(_ relative: String) throws(RectifyError) {
        guard OutputPath.isSafe(relative) else {
            throw .io(path: relative, reason: "refusing to write outside the output folder")
        }
        lock.withLock { _ = paths.insert(relative) }
    }
}

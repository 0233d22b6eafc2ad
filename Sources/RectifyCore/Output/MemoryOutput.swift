import RectifySystem
import Foundation
import Synchronization

/// Keeps the site's files in memory instead of writing them: for `serve`, which serves from
/// memory anyway, so a rebuild neither writes thousands of files nor reads them back.
final class MemoryOutput: OutputSink {
    private let files = Mutex<[String: Data]>([:])

    var filesWritten: Int { files.withLock { $0.count } }
    var contents: [String: Data] { files.withLock { $0 } }

    func write(_ text: String, to relative: String) throws(RectifyError) {
        try store(Data(text.utf8), at: relative)
    }

    func write(_ data: Data, to relative: String) throws(RectifyError) {
        try store(data, at: relative)
    }

    func copy(_ source: URL, to relative: String) throws(RectifyError) {
        guard files.withLock({ $0[relative] == nil }) else { throw .io(path: source.path, reason: OutputPath.collision(relative)) }
        guard case .success(let bytes) = FileBytes.read(source.path, limit: Int.max) else {
            throw .io(path: source.path, reason: "cannot copy: cannot read the file")
        }
        try store(Data(bytes), at: relative)
    }

    func open(_ relative: String) throws(RectifyError) -> any OutputFile {
        guard OutputPath.isSafe(relative) else { throw .io(path: relative, reason: "refusing to write outside the output folder") }
        return MemoryFile { data in try? self.store(data, at: relative) }
    }

    private func store(_ data: Data, at relative: String) throws(RectifyError) {
        guard OutputPath.isSafe(relative) else { throw .io(path: relative, reason: "refusing to write outside the output folder") }
        files.withLock { $0[relative] = data }
    }

    private final class MemoryFile: OutputFile {
        private var data = Data()
        private let done: (Data) -> Void

        init(done: @escaping (Data) -> Void) { self.done = done }

        func append(_ text: String) throws(RectifyError) { data.append(contentsOf: text.utf8) }
        func close() throws(RectifyError) { done(data) }
    }
}

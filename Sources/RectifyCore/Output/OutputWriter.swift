import CAtomicSwap
import Foundation

/// Writes a whole site into a staging folder beside the output, then swaps it into
/// place in one step. Until `publish()`, the previous output is untouched; a build
/// that fails or is killed leaves it byte-identical.
final class OutputWriter: OutputSink {
    let output: URL
    let staging: URL
    private let lock: OutputLock
    /// Pages are written from several threads: the folder cache and the count are locked.
    private let counters = NSLock()
    private var createdFolders: Set<String> = []
    private var written = 0
    var filesWritten: Int { counters.withLock { written } }

    init(output: URL) throws(RectifyError) {
        self.output = output.standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        let name = self.output.lastPathComponent
        try Self.createFolder(parent)
        lock = try OutputLock(for: self.output)
        Self.removeLeftovers(of: name, in: parent)
        staging = parent.appending(path: ".\(name).staging-\(getpid())", directoryHint: .isDirectory)
        try? FileManager.default.removeItem(at: staging)
        try Self.createFolder(staging)
    }

    /// Writes `text` at `relative` (e.g. `items/1.2.3/index.html`) in the staging folder.
    func write(_ text: String, to relative: String) throws(RectifyError) {
        try write(Data(text.utf8), to: relative)
    }

    func write(_ data: Data, to relative: String) throws(RectifyError) {
        let target = try prepare(relative)
        do {
            try data.write(to: target)
        } catch {
            throw .io(path: target.path, reason: "cannot write: \(error.localizedDescription)")
        }
        counters.withLock { written += 1 }
    }

    func copy(_ source: URL, to relative: String) throws(RectifyError) {
        let target = try prepare(relative)
        do {
            try FileManager.default.copyItem(at: source, to: target)
        } catch {
            throw .io(path: source.path, reason: "cannot copy: \(error.localizedDescription)")
        }
        counters.withLock { written += 1 }
    }

    /// Swaps the staging folder into place and removes the previous output.
    func publish() throws(RectifyError) {
        keepPlaceholder()
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: output.path) {
            if rectify_rename_exchange(staging.path, output.path) != 0 {
                // Filesystems without an atomic exchange: two renames, a moment apart.
                let aside = output.deletingLastPathComponent().appending(path: ".\(output.lastPathComponent).old-\(getpid())")
                do {
                    try fileManager.moveItem(at: output, to: aside)
                    try fileManager.moveItem(at: staging, to: output)
                    try? fileManager.removeItem(at: aside)
                } catch {
                    throw .io(path: output.path, reason: "cannot replace the output folder: \(error.localizedDescription)")
                }
                return
            }
            try? fileManager.removeItem(at: staging)  // now holds the previous output
        } else {
            do {
                try fileManager.moveItem(at: staging, to: output)
            } catch {
                throw .io(path: output.path, reason: "cannot create the output folder: \(error.localizedDescription)")
            }
        }
    }

    /// Removes the staging folder of a build that did not finish.
    func abandon() {
        try? FileManager.default.removeItem(at: staging)
    }

    private func prepare(_ relative: String) throws(RectifyError) -> URL {
        guard OutputPath.isSafe(relative) else {
            throw .io(path: relative, reason: "refusing to write outside the output folder")
        }
        let target = staging.appending(path: relative)
        let folder = (relative as NSString).deletingLastPathComponent
        if !folder.isEmpty && !counters.withLock({ createdFolders.contains(folder) }) {
            try Self.createFolder(target.deletingLastPathComponent())
            counters.withLock { _ = createdFolders.insert(folder) }
        }
        return target
    }

    /// A git placeholder (`.gitkeep`) in the output survives rebuilds.
    private func keepPlaceholder() {
        let placeholder = output.appending(path: ".gitkeep")
        if FileManager.default.fileExists(atPath: placeholder.path) {
            try? FileManager.default.copyItem(at: placeholder, to: staging.appending(path: ".gitkeep"))
        }
    }

    private static func createFolder(_ url: URL) throws(RectifyError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw .io(path: url.path, reason: "cannot create folder: \(error.localizedDescription)")
        }
    }

    /// Staging folders left by builds that were killed; safe to remove under the lock.
    private static func removeLeftovers(of name: String, in parent: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for leftover in names where leftover.hasPrefix(".\(name).staging-") || leftover.hasPrefix(".\(name).old-") {
            try? FileManager.default.removeItem(at: parent.appending(path: leftover))
        }
    }
}

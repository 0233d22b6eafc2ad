import RectifySystem
import CAtomicSwap
import Foundation
import Synchronization

/// Writes a whole site into a staging folder beside the output, then swaps it into
/// place in one step. Until `publish()`, the previous output is untouched; a build
/// that fails or is killed leaves it byte-identical.
package final class OutputWriter: OutputSink {
    let output: URL
    let staging: URL
    private let stagingPath: String
    /// The staging folder, open: files and folders are made relative to it (`openat`,
    /// `mkdirat`), so the kernel looks up two or three names per file, not the whole path.
    private let stagingFolder: Int32
    private let lock: OutputLock
    /// Pages are written from several threads: the folder cache and the count are locked.
    private let createdFolders = Mutex<Set<String>>([])
    private let written = Mutex(0)
    var filesWritten: Int { written.withLock { $0 } }
    /// Each file written, as the build cache lists it: taken with `fstat` as the file is
    /// closed, so the cache never walks the output.
    private let files = Mutex<[String: FileTree.File]>([:])

    /// The edition written into the marker (`OutputGuard`).
    let edition: Edition

    package init(output: URL, edition: Edition = .internal) throws(RectifyError) {
        self.edition = edition
        self.output = output.standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        let name = self.output.lastPathComponent
        try Self.createFolder(parent)
        lock = try OutputLock(for: self.output)
        Self.removeLeftovers(of: name, in: parent)
        staging = parent.appending(path: ".\(name).staging-\(getpid())", directoryHint: .isDirectory)
        stagingPath = staging.path
        if FileBytes.exists(stagingPath) && rmdir(stagingPath) != 0 {
            // A killed build of the same process number left it; anything else is not ours.
            guard FileBytes.isPlainFolder(stagingPath), OutputGuard.wasBuiltByRectify(stagingPath) else {
                throw .io(path: stagingPath, reason: "a folder Rectify did not make is in the way of the build; move it elsewhere")
            }
            try? FileManager.default.removeItem(at: staging)
        }
        try Self.createFolder(staging)
        stagingFolder = Foundation.open(stagingPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard stagingFolder >= 0 else { throw .io(path: stagingPath, reason: "cannot open: \(String(cString: strerror(errno)))") }
        // The marker from the start: a staging folder a killed build leaves is then known
        // as Rectify's, and only such folders are removed by the next build.
        writeMarker()
    }

    deinit { close(stagingFolder) }

    /// Writes `text` at `relative` (e.g. `items/1.2.3/index.html`) in the staging folder.
    package func write(_ text: String, to relative: String) throws(RectifyError) {
        var text = text
        let status = try text.withUTF8 { bytes in Result { () throws(RectifyError) in try writeFile(relative, UnsafeRawBufferPointer(bytes)) } }.get()
        note(relative, status)
    }

    func write(_ data: Data, to relative: String) throws(RectifyError) {
        let status = try data.withUnsafeBytes { bytes in Result { () throws(RectifyError) in try writeFile(relative, bytes) } }.get()
        note(relative, status)
    }

    func open(_ relative: String) throws(RectifyError) -> any OutputFile {
        let (descriptor, path) = try createFile(relative)
        return StreamedFile(path: path, descriptor: descriptor) { [weak self] in self?.note(relative, $0) }
    }

    private final class StreamedFile: OutputFile {
        let path: String
        var descriptor: Int32
        let closed: (stat) -> Void

        init(path: String, descriptor: Int32, closed: @escaping (stat) -> Void) {
            self.path = path
            self.descriptor = descriptor
            self.closed = closed
        }

        deinit { if descriptor >= 0 { Foundation.close(descriptor) } }

        func append(_ text: String) throws(RectifyError) {
            var text = text
            let (path, descriptor) = (self.path, self.descriptor)
            try text.withUTF8 { bytes in
                Result { () throws(RectifyError) in try OutputWriter.writeAll(descriptor, UnsafeRawBufferPointer(bytes), path: path) }
            }.get()
        }

        func close() throws(RectifyError) {
            var status = stat()
            fstat(descriptor, &status)
            let result = Foundation.close(descriptor)
            descriptor = -1
            if result != 0 { throw .io(path: path, reason: "cannot write: \(String(cString: strerror(errno)))") }
            closed(status)
        }
    }

    /// One `open`, `write`, `fstat`, `close`: Foundation's `Data.write` costs more per file,
    /// and a build writes one file per page. Returns the written file's status.
    @discardableResult
    private func writeFile(_ relative: String, _ bytes: UnsafeRawBufferPointer) throws(RectifyError) -> stat {
        let (descriptor, path) = try createFile(relative)
        defer { close(descriptor) }
        try Self.writeAll(descriptor, bytes, path: path)
        var status = stat()
        fstat(descriptor, &status)
        return status
    }

    private func note(_ relative: String, _ status: stat) {
        written.withLock { $0 += 1 }
        files.withLock { $0[relative] = FileTree.File(relative, status) }
    }

    /// Notes the files another program wrote into the staging folder (the search index, the
    /// PDFs), so that the build cache lists them too.
    func noteFiles(_ relatives: [String]) {
        for relative in relatives {
            var status = stat()
            if lstat(stagingPath + "/" + relative, &status) == 0 {
                if (status.st_mode & S_IFMT) == S_IFDIR {
                    for var file in FileTree.files(under: staging.appending(path: relative, directoryHint: .isDirectory)) {
                        file.path = relative + "/" + file.path
                        files.withLock { [file] in $0[file.path] = file }
                    }
                } else {
                    files.withLock { $0[relative] = FileTree.File(relative, status) }
                }
            }
        }
    }

    /// Every file written, sorted by path: the build cache's listing of this output.
    var writtenFiles: [FileTree.File] {
        files.withLock { $0.values.sorted { $0.path < $1.path } }
    }

    fileprivate static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(RectifyError) {
        var offset = 0
        while offset < bytes.count {
            let count = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw .io(path: path, reason: "cannot write: \(String(cString: strerror(errno)))") }
            offset += count
        }
    }

    /// Copies the bytes of `source` (never a symbolic link as a link), a megabyte at a time.
    func copy(_ source: URL, to relative: String) throws(RectifyError) {
        // Every output path is produced once: a copied file never replaces a page.
        guard files.withLock({ $0[relative] == nil }) else { throw .io(path: source.path, reason: OutputPath.collision(relative)) }
        let input = Foundation.open(source.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard input >= 0 else { throw .io(path: source.path, reason: "cannot copy: \(String(cString: strerror(errno)))") }
        defer { close(input) }
        var status = stat()
        guard fstat(input, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw .io(path: source.path, reason: "cannot copy: not a regular file")
        }
        let (output, target) = try createFile(relative)
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(input, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw .io(path: source.path, reason: "cannot copy: \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            try buffer.withUnsafeBytes { bytes in
                Result { () throws(RectifyError) in try Self.writeAll(output, UnsafeRawBufferPointer(rebasing: bytes[..<count]), path: target) }
            }.get()
        }
        var written = stat()
        fstat(output, &written)
        note(relative, written)
    }

    /// Swaps the staging folder into place and removes the previous output. Where the
    /// filesystem has no atomic exchange, the old site is moved aside and, if the new one
    /// cannot take its place, moved back.
    func publish() throws(RectifyError) {
        keepPlaceholder()
        writeMarker()
        writeManifest()
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: output.path) {
            if rectify_rename_exchange(staging.path, output.path) != 0 {
                try replaceInTwoMoves(aside: output.deletingLastPathComponent().appending(path: ".\(output.lastPathComponent).old-\(getpid())"))
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

    /// The fallback for filesystems without `renameat2`: old site aside, new site in; the
    /// old site is put back if the second move fails.
    package func replaceInTwoMoves(aside: URL, move: (String, String) -> Int32 = { rename($0, $1) }) throws(RectifyError) {
        guard move(output.path, aside.path) == 0 else {
            throw .io(path: output.path, reason: "cannot replace the output folder: \(String(cString: strerror(errno)))")
        }
        guard move(staging.path, output.path) == 0 else {
            let reason = String(cString: strerror(errno))
            if move(aside.path, output.path) != 0 {
                throw .io(path: output.path, reason: "cannot replace the output folder (\(reason)); the previous site is kept in \(aside.path)")
            }
            throw .io(path: output.path, reason: "cannot replace the output folder (\(reason)); the previous site was left in place")
        }
        try? FileManager.default.removeItem(at: aside)
    }

    /// Rectify's marker: the next build may replace this folder (`OutputGuard`).
    private func writeMarker() {
        var text = OutputGuard.markerText(for: edition)
        text.withUTF8 { bytes in _ = try? writeFile(OutputGuard.markerName, UnsafeRawBufferPointer(bytes)) }
    }

    /// The list of every file in the new site (`OutputGuard.manifestName`), taken from the
    /// staging folder itself: the next build finds a file someone added by hand by its absence
    /// here, and does not delete it unasked.
    private func writeManifest() {
        // The search index is listed as its folder: Pagefind names its files anew in each
        // run, and the list must be the same bytes for the same site.
        let listed = Set(FolderWalk.entries(under: stagingPath, skipHidden: false).entries
            .filter { $0.kind != .folder }.map { $0.relative.hasPrefix("pagefind/") ? "pagefind/" : $0.relative }).union([OutputGuard.manifestName])
        let text = listed.sorted().joined(separator: "\n") + "\n"
        text.utf8CString.withUnsafeBytes { bytes in
            _ = try? writeFile(OutputGuard.manifestName, UnsafeRawBufferPointer(rebasing: bytes.dropLast()))
        }
    }

    /// Removes the staging folder of a build that did not finish.
    package func abandon() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// The file `relative` created (or emptied) in the staging folder with its folders, open
    /// for writing, and its full path for messages; plain `mkdirat` and `openat`, because
    /// `URL` and `FileManager` cost more than the write itself.
    private func createFile(_ relative: String) throws(RectifyError) -> (descriptor: Int32, path: String) {
        try Self.checkInside(relative)
        if let slash = relative.lastIndex(of: "/") {
            try makeFolders(String(relative[..<slash]))
        }
        let path = stagingPath + "/" + relative
        let descriptor = openat(stagingFolder, relative, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .io(path: path, reason: "cannot write: \(String(cString: strerror(errno)))") }
        return (descriptor, path)
    }

    func makeFolders(_ relatives: [String]) throws(RectifyError) {
        for relative in relatives {
            try Self.checkInside(relative)
            try makeFolders(relative)
        }
    }

    private static func checkInside(_ relative: String) throws(RectifyError) {
        guard OutputPath.isSafe(relative) else { throw .io(path: relative, reason: "refusing to write outside the output folder") }
    }

    /// Creates `relative` and its parents in the staging folder, each once.
    private func makeFolders(_ relative: String) throws(RectifyError) {
        guard !createdFolders.withLock({ $0.contains(relative) }) else { return }
        if let slash = relative.lastIndex(of: "/") { try makeFolders(String(relative[..<slash])) }
        if mkdirat(stagingFolder, relative, 0o755) != 0 && errno != EEXIST {
            throw .io(path: stagingPath + "/" + relative, reason: "cannot create folder: \(String(cString: strerror(errno)))")
        }
        createdFolders.withLock { _ = $0.insert(relative) }
    }

    /// A git placeholder (`.gitkeep`) in the output survives rebuilds.
    /// Only a plain file is copied: a `.gitkeep` folder holding a FIFO once hung the build.
    private func keepPlaceholder() {
        let placeholder = output.appending(path: ".gitkeep")
        if FileBytes.isPlainFile(placeholder.path) {
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

    /// Staging folders left by builds that were killed; safe to remove under the lock. A
    /// previous site moved aside by a build killed between its two moves is put back when
    /// the output is missing, never deleted. Only what is provably Rectify's is touched: a
    /// name ending in a process number, and a folder (not a link) with Rectify's marker.
    private static func removeLeftovers(of name: String, in parent: URL) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
        let output = parent.appending(path: name).path
        func ours(_ leftover: String, prefix: String, folder: Bool) -> Bool {
            let number = leftover.dropFirst(prefix.count)
            guard leftover.hasPrefix(prefix), !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            let path = parent.appending(path: leftover).path
            return folder ? FileBytes.isPlainFolder(path) && OutputGuard.wasBuiltByRectify(path) : FileBytes.isPlainFile(path)
        }
        for leftover in names where ours(leftover, prefix: ".\(name).old-", folder: true) {
            let path = parent.appending(path: leftover).path
            if !FileBytes.exists(output) && rename(path, output) == 0 { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
        for leftover in names where ours(leftover, prefix: ".\(name).staging-", folder: true)
            || ours(leftover, prefix: ".\(name).rectify-cache" + BuildCache.temporarySuffix, folder: false) {
            try? FileManager.default.removeItem(at: parent.appending(path: leftover))
        }
        // A build killed between making its staging folder and marking it leaves the folder
        // empty: `rmdir` removes a folder only when it is empty, so nothing else can go.
        for leftover in names where leftover.hasPrefix(".\(name).staging-") {
            let number = leftover.dropFirst(".\(name).staging-".count)
            guard !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }) else { continue }
            let path = parent.appending(path: leftover).path
            if FileBytes.isPlainFolder(path) { _ = rmdir(path) }
        }
    }
}

import RectifySystem
import Foundation

/// What the last successful build read and wrote, kept beside the output folder
/// (`.public.rectify-cache` for `public/`), so that a build with nothing changed can stop
/// at once, like `make`.
///
/// The inputs are fingerprinted like `make` and `ninja` do, by what `stat` says, without
/// reading them: every file under the content and theme folders (path, size, modification
/// and change times to the nanosecond, inode), the options, the rectify executable, and
/// git's HEAD and tags (the dates and the changes page come from them). The change time
/// cannot be set back by hand, so a file edited and given its old modification time still
/// counts as changed. The output is checked by path, size, modification time and inode of
/// every file the build wrote, so a file changed or removed by hand makes the next build a
/// full one. Measured at 10,000 items: hashing every input took 80–120 ms of each build,
/// `stat` alone 20–30 ms.
///
/// The file is text: a header line, the fingerprint, the warnings of that build (printed
/// again when it is reused), then one line per output file.
struct BuildCache {
    static let header = "rectify build cache 2"
    let inputs: String
    let warnings: [String]
    let output: String

    static func file(for output: URL) -> URL {
        output.deletingLastPathComponent().appending(path: ".\(output.lastPathComponent).rectify-cache")
    }

    /// A cache being written is `<cache file>.tmp-<pid>`; the output writer removes those
    /// that killed builds left, with its other leftovers.
    static let temporarySuffix = ".tmp-"

    static func load(for output: URL) -> BuildCache? {
        guard case .success(let bytes) = FileBytes.read(file(for: output).path, limit: 1 << 30) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: false)
        guard lines.count == 4, lines[0] == header, let count = Int(lines[2]) else { return nil }
        let rest = lines.removeLast().split(separator: "\n", maxSplits: count, omittingEmptySubsequences: false)
        guard rest.count == count + 1 else { return nil }
        return BuildCache(inputs: String(lines[1]), warnings: rest.prefix(count).map(String.init), output: String(rest[count]))
    }

    /// Writes the cache with a rename, so a killed build leaves the old one or the new one.
    func save(for output: URL) {
        let target = Self.file(for: output)
        let temporary = target.path + Self.temporarySuffix + "\(getpid())"
        let warningLines = warnings.map { $0.replacingOccurrences(of: "\n", with: " ") }
        let text = ([Self.header, inputs, String(warnings.count)] + warningLines + [self.output]).joined(separator: "\n")
        guard (try? Data(text.utf8).write(to: URL(fileURLWithPath: temporary))) != nil else { return }
        if rename(temporary, target.path) != 0 { unlink(temporary) }
    }

    /// Forgets the cache: the output is about to change.
    static func remove(for output: URL) {
        unlink(file(for: output).path)
    }

    /// The files a build wrote, a line each (path, size, modification time, inode), sorted by path.
    static func listing(of files: [FileTree.File]) -> String {
        files.map(\.line).joined(separator: "\n")
    }

    /// Whether every file of `listing` is still in `folder` as it was written: one `lstat`
    /// per file, on all cores, instead of a walk over the folder.
    static func isUnchanged(_ listing: String, in folder: URL) -> Bool {
        // Paths are looked up from the open output folder: two or three names each, not the
        // whole path from `/`.
        let root = open(folder.standardizedFileURL.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { return false }
        defer { close(root) }
        let lines = listing.utf8.split(separator: 0x0A).map { Substring($0) }
        let parts = 16
        let unchanged = parallelMap(parts) { part in
            stride(from: part, to: lines.count, by: parts).allSatisfy { index in
                let line = lines[index]
                guard let tab = line.firstIndex(of: "\t") else { return false }
                let path = String(line[..<tab])
                var status = stat()
                guard !path.hasPrefix("/"), fstatat(root, path, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
                return FileTree.File(path, status).line == line
            }
        }
        return !lines.isEmpty && unchanged.allSatisfy { $0 }
    }
}

/// What the build cache says before a build: the output is up to date (with the warnings of
/// the build that made it), or the inputs' fingerprint to save after this build.
struct CacheState {
    let inputs: String?
    let earlierWarnings: [String]?

    static func read(_ options: BuildOptions) -> CacheState {
        guard options.reuseUnchangedOutput else {
            BuildCache.remove(for: options.outputDirectory)
            return CacheState(inputs: nil, earlierWarnings: nil)
        }
        let inputs = InputFingerprint.of(options, git: GitHistory(directory: options.contentDirectory))
        guard let inputs, let cache = BuildCache.load(for: options.outputDirectory), cache.inputs == inputs,
              BuildCache.isUnchanged(cache.output, in: options.outputDirectory) else {
            return CacheState(inputs: inputs, earlierWarnings: nil)
        }
        return CacheState(inputs: inputs, earlierWarnings: cache.warnings)
    }

    /// Saves the fingerprint and the listing of the files the build wrote, when this build
    /// was fingerprinted.
    func save(warnings: [Diagnostic], written: [FileTree.File], options: BuildOptions) {
        guard let inputs else { return }
        BuildCache(inputs: inputs, warnings: warnings.sorted().map(\.description),
                   output: BuildCache.listing(of: written)).save(for: options.outputDirectory)
    }
}

/// The files under a folder, links and all, by `FolderWalk`.
enum FileTree {
    struct File {
        var path: String
        let size: Int64
        let modified: Int64
        let changed: Int64
        let inode: UInt64

        init(_ path: String, _ status: stat) {
            self.path = path
            size = Int64(status.st_size)
            modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
            changed = Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec)
            inode = UInt64(status.st_ino)
        }

        /// The output listing's line: path, size, modification time, inode.
        var line: String { "\(path)\t\(size)\t\(modified)\t\(inode)" }
    }

    /// In the walk's order (each folder's names sorted by their bytes), which is the same in
    /// every run: sorting 10,000 paths again as Unicode text cost more than the walk.
    static func files(under folder: URL) -> [File] {
        FolderWalk.entries(under: folder.standardizedFileURL.path, skipHidden: false).entries.compactMap { entry in
            entry.kind == .folder ? nil : File(entry.relative, entry.status)
        }
    }
}

/// The fingerprint of everything a build reads: one line of hex, from a text that lists the
/// options and every input file with its size, times and inode.
enum InputFingerprint {
    /// Nil if some folder could not be listed (no permission, a path past PATH_MAX): what
    /// was not seen cannot be known unchanged, so that build is never reused.
    static func of(_ options: BuildOptions, git: GitHistory) -> String? {
        // Every option, by its name in `BuildOptions`: an option added later is in the
        // fingerprint without anyone remembering to add it here.
        var lines = Mirror(reflecting: options).children.map { "option \($0.label ?? "-") \(String(describing: $0.value))" }
        lines.append("git \(git.revisions())")
        // The tools the output depends on, as found now: installing Pagefind or a printer
        // makes the next build use it.
        let search = options.searchIndex ? SearchIndexer.find()?.program : nil
        let printers = options.pdf ? [PDFPrinter.find()?.browser, WeasyPrint.find()?.program] : []
        lines.append("search \(search?.path ?? "-") printers \(printers.map { $0?.path ?? "-" })")
        for executable in ([options.workerExecutable, search] + printers).compactMap({ $0 }) {
            var status = stat()
            if stat(executable.path, &status) == 0 {
                lines.append("executable \(executable.path) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)")
            }
        }
        for (name, folder) in [("content", options.contentDirectory), ("theme", options.themeDirectory)] {
            let walk = FolderWalk.entries(under: folder.standardizedFileURL.path, skipHidden: false)
            guard walk.unreadable.isEmpty else { return nil }
            for entry in walk.entries where entry.kind != .folder && !entry.relative.hasPrefix(".git/") {
                let file = FileTree.File(entry.relative, entry.status)
                lines.append("\(name) \(file.path) \(file.size) \(file.modified) \(file.changed) \(file.inode)")
            }
        }
        return ContentHash.of(Array(lines.joined(separator: "\n").utf8))
    }
}

/// A 128-bit hash of bytes, the same in every process (unlike Swift's `Hasher`): two
/// 64-bit multiply-and-rotate lanes over 8-byte words. For noticing changes, not for
/// security.
enum ContentHash {
    static func of(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { buffer in
            var a: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(buffer.count)
            var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
            var offset = 0
            while offset + 8 <= buffer.count {
                let word = buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                a = (a ^ word) &* 0x0000_0100_0000_01B3
                a = (a << 31) | (a >> 33)
                b = (b &+ word) &* 0x9FB2_1C65_1E98_DF25
                b ^= b >> 29
                offset += 8
            }
            var tail: UInt64 = 0
            for index in offset..<buffer.count { tail = tail << 8 | UInt64(buffer[index]) }
            a = ((a ^ tail) &* 0x0000_0100_0000_01B3) ^ (a >> 32)
            b = ((b &+ tail) &* 0x9FB2_1C65_1E98_DF25) ^ (b >> 29)
            return String(a, radix: 16) + String(b, radix: 16)
        }
    }

}

import Foundation

/// What the last successful build read and wrote, kept beside the output folder
/// (`.public.rectify-cache` for `public/`), so that a build with nothing changed can stop
/// at once, like `make`.
///
/// The inputs are fingerprinted by content: every file under the content and theme folders
/// (path, size and an FNV-1a hash of the bytes), the options, the rectify executable, and
/// git's HEAD and tags (the dates and the changes page come from them). The output is
/// checked by path, size, modification time and inode of every file, so a file changed or
/// removed by hand makes the next build a full one.
struct BuildCache: Codable, Equatable {
    struct OutputFile: Codable, Equatable {
        let path: String
        let size: Int64
        let modified: Int64
        let inode: UInt64
    }

    static let version = 1
    var version = Self.version
    let inputs: String
    let output: [OutputFile]
    /// Warnings of that build, printed again when it is reused.
    let warnings: [String]

    /// A cache being written is `<cache file>.tmp-<pid>`; the output writer removes those
    /// that killed builds left, with its other leftovers.
    static let temporarySuffix = ".tmp-"

    static func file(for output: URL) -> URL {
        output.deletingLastPathComponent().appending(path: ".\(output.lastPathComponent).rectify-cache")
    }

    static func load(for output: URL) -> BuildCache? {
        guard let data = try? Data(contentsOf: file(for: output)) else { return nil }
        guard let cache = try? JSONDecoder().decode(BuildCache.self, from: data), cache.version == version else { return nil }
        return cache
    }

    /// Writes the cache with a rename, so a killed build leaves the old one or the new one.
    func save(for output: URL) {
        let target = Self.file(for: output)
        let temporary = target.deletingLastPathComponent().appending(path: target.lastPathComponent + Self.temporarySuffix + "\(getpid())")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(self), (try? data.write(to: temporary)) != nil else { return }
        if rename(temporary.path, target.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
    }

    /// Forgets the cache: the output is about to change.
    static func remove(for output: URL) {
        try? FileManager.default.removeItem(at: file(for: output))
    }

    /// The files under `folder` now, sorted by path.
    static func outputFiles(in folder: URL) -> [OutputFile] {
        var files: [OutputFile] = []
        func walk(_ path: String, _ relative: String) {
            guard let directory = opendir(path) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name == "." || name == ".." { continue }
                let full = path + "/" + name
                let inner = relative.isEmpty ? name : relative + "/" + name
                var status = stat()
                guard lstat(full, &status) == 0 else { continue }
                if (status.st_mode & S_IFMT) == S_IFDIR {
                    walk(full, inner)
                } else {
                    files.append(OutputFile(path: inner, size: Int64(status.st_size),
                                            modified: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec),
                                            inode: UInt64(status.st_ino)))
                }
            }
        }
        walk(folder.standardizedFileURL.path, "")
        return files.sorted { $0.path < $1.path }
    }
}

/// The fingerprint of everything a build reads.
enum InputFingerprint {
    static func of(_ options: BuildOptions, git: GitHistory) -> String {
        var lines = [
            "content \(options.contentDirectory.standardizedFileURL.path)",
            "theme \(options.themeDirectory.standardizedFileURL.path)",
            "as-of \(options.asOf)",
            "changes-since \(options.changesSince ?? "-")",
            "pdf \(options.pdf)",
            "render-timeout \(options.renderTimeout)",
            "git \(git.revisions())",
        ]
        if let executable = options.workerExecutable {
            var status = stat()
            if stat(executable.path, &status) == 0 {
                lines.append("executable \(executable.path) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)")
            }
        }
        for (name, folder) in [("content", options.contentDirectory), ("theme", options.themeDirectory)] {
            for file in BuildCache.outputFiles(in: folder) where !file.path.hasPrefix(".git/") {
                let hash = hashOfFile(folder.standardizedFileURL.path + "/" + file.path)
                lines.append("\(name) \(file.path) \(file.size) \(String(hash, radix: 16))")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// FNV-1a, 64 bits: the same in every process, unlike Swift's `Hasher`.
    static func hashOfFile(_ path: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        guard case .success(let bytes) = FileBytes.read(path, limit: Int.max) else { return 0 }
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        return hash
    }
}

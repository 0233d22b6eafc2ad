import Foundation

/// What git knows about the content folder, read in one pass: the date each file last
/// changed, and the files as they were at an earlier revision. Without git, or outside a
/// repository, there is no history and the build goes on without it.
package struct GitHistory {
    /// The content folder.
    package let directory: URL

    package init(directory: URL) { self.directory = directory }

    /// `git` run in the content folder; nil if it fails or is not installed.
    func git(_ arguments: [String], input: Data? = nil) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory.path] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        let inputPipe = input.map { _ in Pipe() }
        process.standardInput = inputPipe ?? FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        if let input, let inputPipe {
            DispatchQueue.global().async {
                inputPipe.fileHandleForWriting.write(input)
                try? inputPipe.fileHandleForWriting.close()
            }
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }

    /// HEAD and every tag, as commit IDs: what the dates and the changes page depend on.
    func revisions() -> String {
        git(["rev-parse", "HEAD", "--tags"]).map { String(decoding: $0, as: UTF8.self) } ?? "-"
    }

    /// The committer date of the last commit that changed each file, by path relative to the
    /// content folder (`items/1.2.3.md`); empty without git history.
    package func lastChanged() -> [String: Day] {
        guard let data = git(["log", "--format=%x00%cI", "--name-only", "--no-renames", "--relative", "--", "."]) else { return [:] }
        var dates: [String: Day] = [:]
        var current: Day?
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("\0") {
                current = Day(String(line.dropFirst().prefix(10)))
            } else if let current, dates[String(line)] == nil {
                dates[String(line)] = current
            }
        }
        return dates
    }

    /// The revision a "changes since" page compares with: the given one, or else the newest
    /// tag before HEAD. Returns the commit and the name to show.
    package func baseline(_ requested: String?) -> (commit: String, name: String)? {
        let name: String
        if let requested {
            name = requested
        } else {
            guard let head = git(["rev-parse", "HEAD"]).map(Self.line),
                  var tag = git(["describe", "--tags", "--abbrev=0", "HEAD"]).map(Self.line) else { return nil }
            if git(["rev-list", "-n", "1", tag]).map(Self.line) == head {
                guard let earlier = git(["describe", "--tags", "--abbrev=0", "HEAD^"]).map(Self.line) else { return nil }
                tag = earlier
            }
            name = tag
        }
        guard let commit = git(["rev-parse", "--verify", "--quiet", "\(name)^{commit}"]).map(Self.line) else { return nil }
        return (commit, name)
    }

    /// The text of every item at `commit` (`items/*.md`, and `items/<folder>/index.md` for
    /// items kept as folders), by path relative to the content folder, read with one
    /// recursive `git ls-tree` and one `git cat-file --batch`.
    package func items(at commit: String) -> [String: String] {
        guard let listing = git(["ls-tree", "-r", commit, "--", "items/"]) else { return [:] }
        var blobs: [(path: String, id: String)] = []
        for line in String(decoding: listing, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            let fields = parts.first?.split(separator: " ") ?? []
            guard parts.count == 2, fields.count == 3, fields[1] == "blob" else { continue }
            let path = String(parts[1])
            let segments = path.split(separator: "/")
            let isItem = segments.first == "items" && ((segments.count == 2 && path.hasSuffix(".md")) || (segments.count == 3 && segments[2] == "index.md"))
            guard isItem, !segments.contains(where: { $0.hasPrefix(".") }) else { continue }
            blobs.append((path, String(fields[2])))
        }
        guard !blobs.isEmpty, let data = git(["cat-file", "--batch"], input: Data(blobs.map { $0.id + "\n" }.joined().utf8)) else { return [:] }
        var texts: [String: String] = [:]
        var offset = data.startIndex
        for blob in blobs {
            guard let newline = data[offset...].firstIndex(of: 0x0A) else { break }
            let header = String(decoding: data[offset..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, let size = Int(header[2]) else { break }
            let start = data.index(after: newline)
            texts[blob.path] = String(decoding: data[start..<(start + size)], as: UTF8.self)
            offset = start + size + 1
        }
        return texts
    }

    private static func line(_ data: Data) -> String {
        String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

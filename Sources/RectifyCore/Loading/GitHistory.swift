import Foundation
import RectifySystem

/// What git knows about the content folder, read in one pass: the date each file last
/// changed, and the files as they were at an earlier revision. Without git, or outside a
/// repository, there is no history and the build goes on without it.
package struct GitHistory {
    /// The content folder.
    package let directory: URL

    package init(directory: URL) { self.directory = directory }

    /// The most one git command may take; past it git is killed and the build goes on
    /// without history (a FIFO at `.git/HEAD`, a git that never answers).
    static let timeLimit: TimeInterval = 60

    /// Settings that make git run no program a repository's `.git/config` names, and print
    /// paths as they are (non-ASCII names unquoted): passed on every call.
    static let safeSettings = [
        "core.quotePath=false", "log.showSignature=false", "core.fsmonitor=false", "core.hooksPath=/dev/null",
        "gpg.program=false", "gpg.ssh.program=false", "gpg.x509.program=false", "core.pager=cat", "core.sshCommand=false",
        "diff.external=", "core.alternateRefsCommand=", "protocol.allow=never",
    ]

    /// `git` run in the content folder; nil if it fails, is not installed, or passes its time
    /// or output limit.
    func git(_ arguments: [String], input: Data? = nil) -> Data? {
        guard let program = HelperProcess.onPath(["git"]) else { return nil }
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["GIT_NO_REPLACE_OBJECTS"] = "1"
        environment["GIT_PAGER"] = "cat"
        let settings = Self.safeSettings.flatMap { ["-c", $0] }
        guard let outcome = try? HelperProcess.run(program, ["-C", directory.path] + settings + ["--no-pager"] + arguments, input: input,
                                                   environment: environment, timeout: Self.timeLimit),
              outcome.succeeded else { return nil }
        return outcome.output
    }

    /// Whether `name` may be handed to git as a revision: never one that git would read as
    /// an option (a tag named `--output=FILE`), nor one with control characters.
    static func isPlainRevision(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix("-") && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    /// HEAD and every tag, as commit IDs: what the dates and the changes page depend on.
    func revisions() -> String {
        git(["rev-parse", "HEAD", "--tags"]).map { String(decoding: $0, as: UTF8.self) } ?? "-"
    }

    /// The committer date of the last commit that changed each file, by path relative to the
    /// content folder (`items/1.2.3.md`); empty without git history.
    package func lastChanged() -> [String: Day] {
        guard let data = git(["log", "--no-show-signature", "--format=%x00%cI", "--name-only", "--no-renames", "--relative", "--", "."]) else { return [:] }
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
            // Tag names come from the repository: anyone who can push a tag chooses them, so
            // each is checked and handed to git as `refs/tags/<name>`, after the options.
            guard let head = git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]).map(Self.line),
                  var tag = git(["describe", "--tags", "--abbrev=0", "HEAD"]).map(Self.line), Self.isPlainRevision(tag) else { return nil }
            if commit(of: "refs/tags/\(tag)") == head {
                guard let earlier = git(["describe", "--tags", "--abbrev=0", "HEAD^"]).map(Self.line), Self.isPlainRevision(earlier) else { return nil }
                tag = earlier
            }
            guard let commit = commit(of: "refs/tags/\(tag)") else { return nil }
            return (commit, tag)
        }
        guard Self.isPlainRevision(name), let commit = commit(of: name) else { return nil }
        return (commit, name)
    }

    /// The commit ID `revision` names, checked to be one (40 or 64 hex digits).
    private func commit(of revision: String) -> String? {
        guard let id = git(["rev-parse", "--verify", "--quiet", "--end-of-options", "\(revision)^{commit}"]).map(Self.line),
              [40, 64].contains(id.utf8.count), id.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return nil }
        return id
    }

    /// The text of every item at `commit` (`items/*.md`, and `items/<folder>/index.md` for
    /// items kept as folders), by path relative to the content folder, read with one
    /// recursive `git ls-tree` and one `git cat-file --batch`. A file over the content size
    /// limit (`ContentLoader.maximumFileSize`) is left out, as loading leaves it out now.
    package func items(at commit: String) -> [String: String] {
        guard commit.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }),
              let listing = git(["ls-tree", "-r", "-l", commit, "--", "items/"]) else { return [:] }
        var blobs: [(path: String, id: String)] = []
        for line in String(decoding: listing, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            let fields = parts.first?.split(separator: " ", omittingEmptySubsequences: true) ?? []
            guard parts.count == 2, fields.count == 4, fields[1] == "blob", let size = Int(fields[3]), size <= ContentLoader.maximumFileSize else { continue }
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
            guard header.count == 3, let size = Int(header[2]), size <= ContentLoader.maximumFileSize else { break }
            let start = data.index(after: newline)
            guard data.endIndex - start >= size else { break }
            texts[blob.path] = String(decoding: data[start..<(start + size)], as: UTF8.self)
            offset = start + size + 1
        }
        return texts
    }

    private static func line(_ data: Data) -> String {
        String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

import Foundation
import Testing
import RectifyCore

/// The git history reader on a repository made here: each file's last change, the baseline
/// of the changes page, and the items as they were, kept as files or as folders.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git")))
struct GitHistoryTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appending(path: "rectify-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appending(path: "items/1.3"), withIntermediateDirectories: true)
    }

    func git(_ arguments: [String], date: String = "2026-11-01T10:00:00+08:00") async throws {
        let folder = self.folder
        let status = try await offPool { try Self.run(arguments, in: folder, date: date) }
        #expect(status == 0, "git \(arguments)")
    }

    static func run(_ arguments: [String], in folder: URL, date: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-C", folder.path] + arguments
        process.environment = ["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
                               "GIT_COMMITTER_EMAIL": "t@example.invalid", "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
                               "HOME": folder.path, "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()  // on a Dispatch thread (`offPool`)
        return process.terminationStatus
    }

    func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appending(path: relative))
    }

    @Test func readsDatesBaselinesAndItemsAsTheyWere() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try await git(["init", "-q", "-b", "main"])
        try write("items/1.1.md", "first\n")
        try write("items/1.3/index.md", "folder item\n")
        try write("items/1.3/evidence.md", "not an item\n")
        try write("site.yml", "title: x\n")
        try await git(["add", "-A"])
        try await git(["commit", "-q", "-m", "one"], date: "2026-10-01T10:00:00+08:00")
        try await git(["tag", "v1"])
        try write("items/1.1.md", "second\n")
        try write("items/1.2.md", "new\n")
        try await git(["add", "-A"])
        try await git(["commit", "-q", "-m", "two"], date: "2026-11-20T10:00:00+08:00")

        let history = GitHistory(directory: folder)
        let dates = history.lastChanged()
        #expect(dates["items/1.1.md"] == Day("2026-11-20"))
        #expect(dates["items/1.2.md"] == Day("2026-11-20"))
        #expect(dates["items/1.3/index.md"] == Day("2026-10-01"))
        #expect(dates["site.yml"] == Day("2026-10-01"))

        let baseline = try #require(history.baseline(nil))
        #expect(baseline.name == "v1", "the newest tag before HEAD")
        let before = history.items(at: baseline.commit)
        #expect(before == ["items/1.1.md": "first\n", "items/1.3/index.md": "folder item\n"], "items as files and as folders; nothing else")

        // HEAD itself tagged: the baseline is the tag before it.
        try await git(["tag", "v2"])
        #expect(history.baseline(nil)?.name == "v1")
        #expect(history.baseline("v2")?.name == "v2")
        #expect(history.baseline("no-such-tag") == nil)
    }
}

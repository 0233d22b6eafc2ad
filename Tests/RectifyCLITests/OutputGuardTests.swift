import Foundation
import Testing

/// `--output` replaces only a folder that Rectify built: every refused path is left
/// byte-identical, with a message that says what to do.
@Suite struct OutputGuardTests {
    /// A working folder with `c/` (a copy of the sample content), `theme/` and `home/.ssh`.
    final class Workspace: Sendable {
        let folder: TemporaryFolder
        var root: URL { folder.url }

        init() throws {
            folder = try TemporaryFolder()
            try FileManager.default.copyItem(at: Rectify.repository.appending(path: "content"), to: root.appending(path: "c"))
            try FileManager.default.copyItem(at: Rectify.repository.appending(path: "theme"), to: root.appending(path: "theme"))
            try FileManager.default.createDirectory(at: root.appending(path: "home/.ssh"), withIntermediateDirectories: true)
            try Data("secret key".utf8).write(to: root.appending(path: "home/.ssh/id_ed25519"))
        }

        /// `rectify build --content c --theme theme --output <output>`, run in `folder` (default: the workspace).
        func build(output: String, in folder: URL? = nil, _ extra: [String] = []) async throws -> Rectify.Result {
            let result = try await Tool.capture(Rectify.executable.path,
                                          ["build", "--content", root.appending(path: "c").path, "--theme", root.appending(path: "theme").path,
                                           "--output", output, "--as-of", "2026-11-26", "--no-search"] + extra,
                                          in: folder ?? root, environment: ["HOME": root.appending(path: "home").path])
            return Rectify.Result(status: result.status, stdout: result.stdout, stderr: result.stderr)
        }

        /// Every path under the workspace, with the bytes of each file and the target of each link.
        func tree() throws -> [String: Data] {
            var entries: [String: Data] = [:]
            let base = root.standardizedFileURL.path
            let enumerator = FileManager.default.enumerator(atPath: base)
            while let relative = enumerator?.nextObject() as? String {
                let path = base + "/" + relative
                let attributes = try FileManager.default.attributesOfItem(atPath: path)
                switch attributes[.type] as? FileAttributeType {
                case .typeSymbolicLink: entries[relative] = Data(("-> " + (try FileManager.default.destinationOfSymbolicLink(atPath: path))).utf8)
                case .typeDirectory: entries[relative + "/"] = Data()
                default: entries[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
                }
            }
            return entries
        }
    }

    /// Each path the attack named: refused, exit 1, a message in words, the workspace unchanged.
    @Test(arguments: [
        ("c", "is or contains the content folder"),
        ("c/..", "is or contains the content folder"),
        ("theme", "is or contains the theme folder"),
        ("home", "your home folder"),
        (".", "is or contains"),
        ("", "empty text"),
        ("c/files/site", "lies inside the content folder"),
        ("theme/static/site", "lies inside the theme folder"),
    ])
    func aDangerousOutputIsRefusedAndLeftByteIdentical(output: String, message: String) async throws {
        let workspace = try Workspace()
        let before = try workspace.tree()
        let result = try await workspace.build(output: output)
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains("Nothing was written."))
        #expect(try workspace.tree() == before)
    }

    @Test func theCurrentFolderIsRefusedEvenWhenItHoldsNoContent() async throws {
        let workspace = try Workspace()
        let here = workspace.root.appending(path: "work")
        try FileManager.default.createDirectory(at: here, withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: here.appending(path: "notes.txt"))
        let before = try workspace.tree()
        let result = try await workspace.build(output: ".", in: here)
        #expect(result.status == 1)
        #expect(result.stderr.contains("is or contains the current folder"), "\(result.stderr)")
        #expect(try workspace.tree() == before)
    }

    @Test func theRootFolderIsRefusedInWords() async throws {
        let workspace = try Workspace()
        let result = try await workspace.build(output: "/")
        #expect(result.status == 1)
        #expect(result.stderr.contains("the root folder /"))
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        #expect(!result.stdout.contains("Built"))
    }

    @Test func aFolderRectifyDidNotBuildIsRefusedUnlessForced() async throws {
        let workspace = try Workspace()
        let other = workspace.root.appending(path: "report")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: other.appending(path: "minutes.docx"))
        let before = try workspace.tree()
        let refused = try await workspace.build(output: "report")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("was not built by Rectify"))
        #expect(refused.stderr.contains("--force-output"))
        #expect(try workspace.tree() == before)

        let forced = try await workspace.build(output: "report", ["--force-output"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(FileManager.default.fileExists(atPath: other.appending(path: "index.html").path))
        #expect(!FileManager.default.fileExists(atPath: other.appending(path: "minutes.docx").path))
    }

    @Test func aRegularFileIsRefused() async throws {
        let workspace = try Workspace()
        try Data("a file".utf8).write(to: workspace.root.appending(path: "public"))
        let before = try workspace.tree()
        let result = try await workspace.build(output: "public", ["--force-output"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("a file, not a folder"))
        #expect(try workspace.tree() == before)
    }

    @Test func anEmptyFolderOrOneWithOnlyAGitkeepIsUsedAndTheNextBuildReplacesIt() async throws {
        let workspace = try Workspace()
        let output = workspace.root.appending(path: "public")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data().write(to: output.appending(path: ".gitkeep"))
        #expect(try await workspace.build(output: "public").status == 0)
        #expect(FileManager.default.fileExists(atPath: output.appending(path: ".rectify-output").path))
        #expect(FileManager.default.fileExists(atPath: output.appending(path: ".gitkeep").path))
        let again = try await workspace.build(output: "public", ["--force"])
        #expect(again.status == 0, "the marker lets the next build replace it: \(again.stderr)")
    }

    @Test func anOutputFromAnEarlierRectifyIsRecognisedByItsBuildCache() async throws {
        let workspace = try Workspace()
        let output = workspace.root.appending(path: "public")
        #expect(try await workspace.build(output: "public").status == 0)
        // An output as an earlier Rectify left it: no marker, a build cache beside it.
        try FileManager.default.removeItem(at: output.appending(path: ".rectify-output"))
        #expect(FileManager.default.fileExists(atPath: workspace.root.appending(path: ".public.rectify-cache").path))
        let result = try await workspace.build(output: "public", ["--force"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func aSymbolicLinkIsFollowedAndStaysALink() async throws {
        let workspace = try Workspace()
        let target = workspace.root.appending(path: "sites/current")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: workspace.root.appending(path: "public").path, withDestinationPath: "sites/current")
        #expect(try await workspace.build(output: "public").status == 0)
        #expect(try await workspace.build(output: "public", ["--force"]).status == 0)
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: workspace.root.appending(path: "public").path)
        #expect(link == "sites/current")
        #expect(FileManager.default.fileExists(atPath: target.appending(path: "items/1.2.3/index.html").path))
    }

    @Test func aLinkThatLeadsNowhereIsRefused() async throws {
        let workspace = try Workspace()
        try FileManager.default.createSymbolicLink(atPath: workspace.root.appending(path: "public").path, withDestinationPath: "missing/site")
        let before = try workspace.tree()
        let result = try await workspace.build(output: "public")
        #expect(result.status == 1)
        #expect(result.stderr.contains("symbolic link that leads nowhere"))
        #expect(try workspace.tree() == before)
    }

    /// An internal build into a folder inside the public edition's (`public-edition/internal`)
    /// would be served by the public web server: refused, even with --force-output.
    @Test func anInternalBuildInsideThePublicEditionIsRefused() async throws {
        let workspace = try Workspace()
        let published = try await workspace.build(output: "public-edition", ["--edition", "public", "--no-search"])
        #expect(published.status == 0, "\(published.stderr)")
        let before = try workspace.tree()
        for extra in [[], ["--force-output"]] {
            let refused = try await workspace.build(output: "public-edition/internal", ["--no-search"] + extra)
            #expect(refused.status != 0 && refused.stderr.contains("holds the public edition"), "\(extra): \(refused.stderr)")
        }
        #expect(try workspace.tree() == before)
    }

    /// Folders named like a build's leftovers that Rectify did not make (no marker, a name
    /// without a process number, a link) are left alone; a `.gitkeep` folder holding a FIFO
    /// no longer hangs the build.
    @Test func onlyLeftoversRectifyMadeAreRemoved() async throws {
        let workspace = try Workspace()
        #expect(try await workspace.build(output: "public", ["--no-search"]).status == 0)
        let root = workspace.root
        for name in [".public.staging-123", ".public.old-456", ".public.staging-notes"] {
            try FileManager.default.createDirectory(at: root.appending(path: "\(name)/keep"), withIntermediateDirectories: true)
            try Data("mine".utf8).write(to: root.appending(path: "\(name)/keep/file.txt"))
        }
        try FileManager.default.createSymbolicLink(atPath: root.appending(path: ".public.staging-789").path, withDestinationPath: root.appending(path: "home").path)
        let before = try workspace.tree().filter { !$0.key.hasPrefix("public/") && !$0.key.hasPrefix(".public.rectify-cache") }
        try FileManager.default.createDirectory(at: root.appending(path: "public/.gitkeep"), withIntermediateDirectories: true)
        #expect(mkfifo(root.appending(path: "public/.gitkeep/pipe").path, 0o644) == 0)
        // --force-output: the .gitkeep folder is a file the last build did not write.
        let rebuilt = try await workspace.build(output: "public", ["--no-search", "--force", "--force-output"])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        let after = try workspace.tree().filter { !$0.key.hasPrefix("public/") && !$0.key.hasPrefix(".public.rectify-cache") }
        #expect(after == before, "folders Rectify did not make were changed: \(Set(before.keys).symmetricDifference(after.keys))")
        #expect(FileManager.default.fileExists(atPath: root.appending(path: "home/.ssh/id_ed25519").path))
        // A build killed between making its staging folder and marking it left it empty: the
        // next build removes it (found by the kill test on a busy machine).
        try FileManager.default.createDirectory(at: root.appending(path: ".public.staging-321"), withIntermediateDirectories: false)
        #expect(try await workspace.build(output: "public", ["--no-search", "--force"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: ".public.staging-321").path), "an empty leftover stays")
        #expect(FileManager.default.fileExists(atPath: root.appending(path: ".public.staging-123/keep/file.txt").path))
    }

    /// Files someone adds inside a built site once vanished silently with the next build:
    /// the build now stops and names them, and replaces them only with --force-output.
    @Test func filesAddedToABuiltSiteByHandAreNotDeletedUnasked() async throws {
        let workspace = try Workspace()
        #expect(try await workspace.build(output: "public", ["--no-search"]).status == 0)
        let added = ["public/通知.docx", "public/items/1.1.1/扫描件.pdf"]
        for path in added { try Data("mine".utf8).write(to: workspace.root.appending(path: path)) }
        let refused = try await workspace.build(output: "public", ["--no-search", "--force"])
        #expect(refused.status != 0 && refused.stderr.contains("通知.docx") && refused.stderr.contains("items/1.1.1/扫描件.pdf"), "\(refused.stderr)")
        for path in added { #expect(FileManager.default.fileExists(atPath: workspace.root.appending(path: path).path), "\(path) is gone") }
        let forced = try await workspace.build(output: "public", ["--no-search", "--force", "--force-output"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(!FileManager.default.fileExists(atPath: workspace.root.appending(path: added[0]).path))
        #expect(try await workspace.build(output: "public", ["--no-search", "--force"]).status == 0, "a site just built holds only its own files")
    }
}

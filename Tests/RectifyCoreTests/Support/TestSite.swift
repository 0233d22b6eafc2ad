import Foundation
import RectifyCore

/// The repository this test runs in: its `theme/` and `content/` are the real ones.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let theme = root.appending(path: "theme", directoryHint: .isDirectory)
    static let content = root.appending(path: "content", directoryHint: .isDirectory)
}

/// A site in a fresh temporary folder: `content/` (from a fixture or written by the
/// test) and `public/`, built with the repository's theme.
final class TestSite {
    let folder: URL
    var content: URL { folder.appending(path: "content", directoryHint: .isDirectory) }
    var output: URL { folder.appending(path: "public", directoryHint: .isDirectory) }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appending(path: "rectify-test-\(UUID().uuidString)", directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// A copy of `Tests/RectifyCoreTests/Fixtures/<name>` as the content folder.
    convenience init(fixture name: String) throws {
        try self.init()
        let source = Bundle.module.resourceURL!.appending(path: "Fixtures/\(name)")
        try FileManager.default.copyItem(at: source, to: content)
    }

    /// A copy of another content folder (e.g. the repository's real `content/`).
    convenience init(copying source: URL) throws {
        try self.init()
        try FileManager.default.copyItem(at: source, to: content)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Writes a content file, e.g. `write("items/x.md", "…")`.
    func write(_ relative: String, _ text: String) throws {
        try write(relative, Data(text.utf8))
    }

    func write(_ relative: String, _ data: Data) throws {
        let url = content.appending(path: relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(at: content.appending(path: relative))
    }

    @discardableResult
    func build(asOf: String = "2026-04-01", output: URL? = nil, adjust: (inout BuildOptions) -> Void = { _ in }) throws -> BuildReport {
        var options = BuildOptions(
            contentDirectory: content, contentDisplay: "content", themeDirectory: Repository.theme,
            outputDirectory: output ?? self.output, asOf: Day(asOf)!)
        // The fixtures' messages are checked in English; `ChineseMessagesTests` checks the
        // site's own language.
        options.messageLanguage = "en"
        adjust(&options)
        return try SiteBuilder(options: options).build()
    }

    /// The diagnostics of a build that must fail with invalid content.
    func buildErrors(asOf: String = "2026-04-01") throws -> [String] {
        do {
            try build(asOf: asOf)
        } catch RectifyError.invalidContent(let diagnostics) {
            return diagnostics.filter { $0.severity == .error }.sorted().map(\.description)
        }
        throw TestFailure("the build succeeded but should have failed")
    }

    func page(_ relative: String) throws -> String {
        try String(contentsOf: output.appending(path: relative), encoding: .utf8)
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appending(path: relative).path)
    }

    /// Every file under `public/`, relative path to bytes.
    func snapshot(of folder: URL? = nil) throws -> [String: Data] {
        let root = (folder ?? output).standardizedFileURL
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension String {
    /// How many times `needle` occurs.
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }
}

/// Runs blocking work (waiting for a process) on a Dispatch thread, so that Swift's
/// cooperative pool, which runs the tests, is never blocked.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
    }
}

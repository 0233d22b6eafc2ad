import Foundation
import Testing

/// The `rectify` executable as a user runs it: exit codes and what it prints.
@Suite struct CLITests {
    @Test func buildPrintsASummaryAndExitsZero() async throws {
        let folder = try TemporaryFolder()
        let result = try await Rectify.run(["build", "--content", Rectify.repository.appending(path: "content").path,
                                      "--theme", Rectify.repository.appending(path: "theme").path,
                                      "--output", folder.url.appending(path: "out").path, "--as-of", "2026-11-26", "--no-search"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Built 26 items"))
        #expect(result.stderr.isEmpty)
        #expect(FileManager.default.fileExists(atPath: folder.url.appending(path: "out/items/3.3.2/index.html").path))
    }

    @Test func badContentPrintsFileAndLineOnStderrAndExitsOne() async throws {
        let folder = try TemporaryFolder()
        let content = folder.url.appending(path: "content")
        try FileManager.default.copyItem(at: Rectify.repository.appending(path: "content"), to: content)
        let item = content.appending(path: "items/1.2.3.md")
        let text = try String(contentsOf: item, encoding: .utf8).replacingOccurrences(of: "status: pending", with: "status: doing")
        try text.write(to: item, atomically: true, encoding: .utf8)
        let result = try await Rectify.run(["build", "--content", content.path, "--theme", Rectify.repository.appending(path: "theme").path,
                                      "--output", folder.url.appending(path: "out").path])
        #expect(result.status == 1)
        #expect(result.stderr == """
            \(content.path)/items/1.2.3.md:6: 未知的整改状态“doing”（可选：pending（未启动）, in_progress（整改中）, done（已完成）, ongoing（已完成、长期坚持））
            共 1 处错误，没有写入任何文件。

            """)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appending(path: "out").path))
    }

    @Test func aBadAsOfDateIsAUsageError() async throws {
        let result = try await Rectify.run(["build", "--as-of", "2026-02-30"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--as-of"))
    }
}

enum Rectify {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `rectify` built beside this test bundle.
    static var executable: URL {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [products, products.deletingLastPathComponent()] {
            let url = candidate.appending(path: "rectify")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return repository.appending(path: ".build/release/rectify")
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> Result {
        let result = try await Tool.capture(executable.path, arguments, in: repository, environment: environment)
        return Result(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }
}

final class TemporaryFolder: Sendable {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appending(path: "rectify-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
}

/// The first hour: a version, and a bare `rectify` outside a site folder that says what a
/// site folder is.
@Suite struct FirstHourTests {
    @Test func versionIsPrinted() async throws {
        let result = try await Rectify.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("rectify "))
    }

    @Test func aBareRectifyOutsideASiteFolderExplainsWhatOneIs() async throws {
        let folder = try TemporaryFolder()
        let result = try await Tool.capture(Rectify.executable.path, [], in: folder.url)
        #expect(result.status == 64)
        #expect(result.stderr.contains("no site here: \"content/site.yml\" was not found"))
        #expect(result.stderr.contains("--content path/to/content"))
    }
}

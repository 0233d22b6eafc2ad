import Foundation
import Testing

/// Headless Chromium, from Debian's `chromium` package (`make test` installs it).
enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Browser tests run when Chromium is installed; `make test` sets
    /// RECTIFY_REQUIRE_TOOLS=1 so that a missing browser is a failure, not a skip.
    static var available: Bool {
        if path == nil && ProcessInfo.processInfo.environment["RECTIFY_REQUIRE_TOOLS"] == "1" {
            Issue.record("Chromium is required (RECTIFY_REQUIRE_TOOLS=1) but not installed")
        }
        return path != nil
    }

    static let baseArguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                                "--disable-extensions", "--mute-audio", "--hide-scrollbars"]

    /// The DOM of a page after it loaded and its scripts (if any) ran.
    static func dumpDOM(_ url: URL) async throws -> String {
        try await run(baseArguments + ["--virtual-time-budget=2000", "--dump-dom", url.absoluteString]).stdout
    }

    static func printPDF(_ page: URL, to pdf: URL) async throws {
        try await run(baseArguments + ["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString])
    }

    static func screenshot(_ page: URL, to png: URL, width: Int, height: Int) async throws {
        try await run(baseArguments + ["--window-size=\(width),\(height)", "--screenshot=\(png.path)", page.absoluteString])
    }

    @discardableResult
    static func run(_ arguments: [String]) async throws -> (stdout: String, stderr: String, status: Int32) {
        let result = try await Tool.capture(path!, arguments)
        return (result.stdout, result.stderr, result.status)
    }
}

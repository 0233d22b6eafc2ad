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

    /// Loads each page in turn in a frame of one browser (each start of Chromium costs
    /// seconds of CPU) and gives, per page, the value of `attribute` on its root element
    /// once its scripts had time to run: "" if it is not set, nil if the page did not load.
    static func rootAttribute(_ attribute: String, afterLoading pages: [URL]) async throws -> [String?] {
        let folder = try TemporaryFolder()
        let harness = folder.url.appending(path: "harness.html")
        let list = pages.map { "\"\($0.absoluteString)\"" }.joined(separator: ", ")
        try """
            <!DOCTYPE html><html><body><pre id="report">running</pre><iframe id="frame"></iframe>
            <script>
            const frame = document.getElementById("frame"), pages = [\(list)], results = [];
            const loaded = page => new Promise(resolve => { frame.onload = resolve; frame.src = page; });
            (async () => {
              for (const page of pages) {
                await loaded(page);
                await new Promise(resolve => setTimeout(resolve, 1000));
                let value = "-";
                try {
                  const doc = frame.contentDocument;
                  if (doc.body && doc.body.children.length > 0) value = doc.documentElement.getAttribute("\(attribute)") || "";
                } catch (error) {}
                results.push(value);
              }
              document.getElementById("report").textContent = results.join("|");
            })();
            </script></body></html>
            """.write(to: harness, atomically: true, encoding: .utf8)
        let dom = try await run(baseArguments + ["--allow-file-access-from-files", "--virtual-time-budget=\(5000 * pages.count + 5000)",
                                                 "--dump-dom", harness.absoluteString]).stdout
        guard let report = dom.firstMatch(of: /<pre id="report">([^<]*)<\/pre>/)?.output.1, report != "running" else {
            return pages.map { _ in nil }
        }
        return report.split(separator: "|", omittingEmptySubsequences: false).map { $0 == "-" ? nil : String($0) }
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

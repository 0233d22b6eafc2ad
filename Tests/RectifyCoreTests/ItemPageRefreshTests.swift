import Foundation
import RectifyCore
import RectifyMarkdown
import Testing

/// `serve`'s fast path: after an edit to one item, its page is rendered again on its own,
/// and that page is the one a full build makes.
@Suite struct ItemPageRefreshTests {
    func options(_ site: TestSite, output: URL? = nil) -> BuildOptions {
        BuildOptions(contentDirectory: site.content, contentDisplay: "content", themeDirectory: Repository.theme,
                     outputDirectory: output ?? site.output, asOf: Day("2026-11-26")!)
    }

    @Test func theRefreshedPageIsTheFullBuildsPage() throws {
        let site = try TestSite(copying: Repository.content)
        let builder = SiteBuilder(options: options(site))
        try builder.build()
        let refresh = try #require(builder.itemPageRefresh)

        let file = site.content.appending(path: "items/1.1.2.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try (text.replacingOccurrences(of: "measures: ", with: "measures: 预览中的措施；") + "\n\n## 新增段落\n\n预览修改。\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let pages = try #require(refresh.pages(forChanged: ["items/1.1.2.md"], renderer: MarkdownRenderer()))
        #expect(Array(pages.keys) == ["items/1.1.2/index.html"])

        let clean = site.folder.appending(path: "clean", directoryHint: .isDirectory)
        try SiteBuilder(options: options(site, output: clean)).build()
        let expected = try String(contentsOf: clean.appending(path: "items/1.1.2/index.html"), encoding: .utf8)
        #expect(pages["items/1.1.2/index.html"] == expected)
        #expect(expected.contains("预览修改") && expected.contains("预览中的措施"))
    }

    @Test func anythingButAnEditedExistingItemIsLeftToTheFullRebuild() throws {
        let site = try TestSite(copying: Repository.content)
        let builder = SiteBuilder(options: options(site))
        try builder.build()
        let refresh = try #require(builder.itemPageRefresh)
        let renderer = MarkdownRenderer()

        // A new ID moves the item in the order: neighbours and lists change.
        try site.write("items/1.1.1.md", try String(contentsOf: site.content.appending(path: "items/1.1.1.md"), encoding: .utf8)
            .replacingOccurrences(of: "id: \"1.1.1\"", with: "id: \"9.9.9\"").replacingOccurrences(of: "id: 1.1.1", with: "id: 9.9.9"))
        #expect(refresh.pages(forChanged: ["items/1.1.1.md"], renderer: renderer) == nil)
        // A file that is not an item of the last build, or that no longer parses.
        #expect(refresh.pages(forChanged: ["items/new.md"], renderer: renderer) == nil)
        #expect(refresh.pages(forChanged: ["site.yml"], renderer: renderer) == nil)
        try site.write("items/1.1.3.md", "---\nid: [broken\n---\n")
        #expect(refresh.pages(forChanged: ["items/1.1.3.md"], renderer: renderer) == nil)
    }
}

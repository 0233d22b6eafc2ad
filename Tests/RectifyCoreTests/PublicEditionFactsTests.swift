import Foundation
import RectifyCore
import Testing

/// Facts the public edition publishes are those of the full item, and what it writes is
/// exactly what was loaded and filtered.
@Suite struct PublicEditionFactsTests {
    /// A completion recorded in an internal update still counts: 逾期完成 stays 逾期完成 in
    /// public, and the public edition's build has no warning that the internal one lacks.
    @Test func aLateCompletionRecordedInternallyIsStillLateInPublic() throws {
        let site = try TestSite(fixture: "small-site")
        try site.write("items/one.md", """
            ---
            id: "1.2"
            title: 学习制度落实有差距
            category: alpha
            group: a1
            status: done
            leader: 张某某
            department: 办公室
            deadline: 2026-03-31
            updates:
              - date: 2026-02-01
                status: doing
                note: 启动修订。
              - date: 2026-04-10
                status: done
                internal: true
                note: 内部记录的完成。
            ---

            正文。
            """)
        let internalReport = try site.build()
        let publicFolder = site.folder.appending(path: "public-edition")
        let publicReport = try site.build(output: publicFolder) { $0.edition = .public }
        func state(_ folder: URL) throws -> String? {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appending(path: "data.json"))) as! [String: Any]
            let item = (json["items"] as! [[String: Any]]).first { $0["id"] as? String == "1.2" }
            return item?["deadlineState"] as? String
        }
        #expect(try state(site.output) == "completed-late")
        #expect(try state(publicFolder) == "completed-late", "the public edition shows the state of the full item")
        let page = try String(contentsOf: publicFolder.appending(path: "items/1.2/index.html"), encoding: .utf8)
        #expect(page.contains("逾期完成") && !page.contains("按期完成") && !page.contains("内部记录的完成"))
        #expect(publicReport.warnings.count <= internalReport.warnings.count, "no spurious warnings: \(publicReport.warnings)")
    }

    /// A body is written only from exactly the bytes that were loaded: a file edited during
    /// the build to the same length (two lines swapped, which moves an internal section) is a
    /// failure, not a page built from the new text with the old section's lines cut out.
    @Test func aBodyEditedToTheSameLengthDuringTheBuildIsRefused() throws {
        let site = try TestSite(fixture: "small-site")
        let body = "公开的第一行ABCDEF\n<!-- internal -->\n内部的第二行ABCDEF\n<!-- /internal -->\n"
        let text = try String(contentsOf: site.content.appending(path: "items/one.md"), encoding: .utf8)
        let front = String(text[..<text.range(of: "---\n\n")!.upperBound])
        try site.write("items/one.md", front + body)
        var loader = ContentLoader(directory: site.content, displayRoot: "content", languages: ["zh-CN", "en"])
        loader.publicEdition = true
        let (content, _, markdown) = try loader.load()
        let index = content.items.firstIndex { $0.id == "1.2" }!
        // The same bytes, two lines swapped: the same length.
        let swapped = body.replacingOccurrences(of: "公开的第一行ABCDEF\n<!-- internal -->\n内部的第二行ABCDEF", with: "<!-- internal -->\n内部的第二行ABCDEF\n公开的第一行ABCDEF")
        #expect(swapped.utf8.count == body.utf8.count && swapped != body)
        try site.write("items/one.md", front + swapped)
        let taken = markdown.items.take(index..<index + 1)
        guard case .failure = taken[0] else {
            Issue.record("a body whose file changed after loading was read back as \(taken[0])")
            return
        }
    }
}

import Foundation
import Testing
import RectifyCore

/// Evidence files (佐证材料): in `content/files/`, or beside an item kept as a folder
/// (`items/<folder>/index.md`). Both are copied, and links to them are checked.
@Suite struct AttachmentTests {
    func bundleSite() throws -> TestSite {
        let site = try TestSite(fixture: "small-site")
        try site.write("items/evidence/index.md", ContentErrorTests.validItem.replacingOccurrences(of: "正文。", with: """
            见[现场照片说明](photo-notes.txt)、[会议纪要](minutes/2026-03.txt)和[整改方案](../../files/plan.txt)。
            """))
        try site.write("items/evidence/photo-notes.txt", "照片说明")
        try site.write("items/evidence/minutes/2026-03.txt", "会议纪要")
        return site
    }

    @Test func filesBesideAnItemArePublishedBesideItsPage() throws {
        let site = try bundleSite()
        let report = try site.build()
        #expect(report.warnings.isEmpty, "\(report.warnings.map(\.description))")
        #expect(try site.page("items/9.1/photo-notes.txt") == "照片说明")
        #expect(try site.page("items/9.1/minutes/2026-03.txt") == "会议纪要")
        #expect(!site.exists("items/9.1/index.md"), "the item's Markdown is not published")
        #expect(try site.page("items/9.1/index.html").contains("<a href=\"photo-notes.txt\">现场照片说明</a>"))
    }

    @Test func aLinkToAMissingAttachmentIsReported() throws {
        let site = try bundleSite()
        try site.remove("items/evidence/photo-notes.txt")
        let report = try site.build()
        #expect(report.warnings.map(\.description) == [
            "content/items/evidence/index.md:12: warning: broken link \"photo-notes.txt\": no file items/9.1/photo-notes.txt in the site",
        ])
    }
}

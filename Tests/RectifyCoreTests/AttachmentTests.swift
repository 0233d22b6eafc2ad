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

    /// Published files are copied to Windows file shares, where `CON`, `aux.txt`, a name
    /// ending in a dot or a space, and two names differing only by case cannot be: each is an
    /// error naming the file. Chinese names stay allowed.
    @Test func namesWindowsCannotHoldAreErrors() throws {
        let site = try TestSite(fixture: "small-site")
        for name in ["CON", "aux.txt", "plan.", "note ", "a?b.txt", "Report.pdf", "report.pdf", "整改方案.pdf"] {
            try site.write("files/\(name)", "x")
        }
        let errors = try site.buildErrors()
        for name in ["CON", "aux.txt", "plan.", "note ", "a?b.txt"] {
            #expect(errors.contains { $0.hasPrefix("content/files/\(name): the file name") }, "\(name): \(errors)")
        }
        #expect(errors.contains { $0.contains("report.pdf") && $0.contains("differ only by case") }, "\(errors)")
        #expect(!errors.contains { $0.contains("整改方案.pdf") })
        #expect(errors.count == 6, "\(errors)")
    }
}

import Foundation
import Testing
import RectifyCore

/// Data a leader can trust: each contradiction is a warning at its line, and `--strict`
/// (in `rectify check`) makes it an error. The sample content has none.
@Suite struct ContradictionTests {
    func warnings(_ replacements: [String: String], in file: String = "items/1.2.1.md", asOf: String = "2026-11-26") throws -> [String] {
        let site = try TestSite(copying: Repository.content)
        let url = site.content.appending(path: file)
        var text = try String(contentsOf: url, encoding: .utf8)
        for (old, new) in replacements {
            #expect(text.contains(old), "\(file) has \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try site.write(file, text)
        let report = try site.build(asOf: asOf)
        return report.warnings.map(\.description)
    }

    @Test func theSampleContentHasNoContradiction() throws {
        let site = try TestSite(copying: Repository.content)
        #expect(try site.build(asOf: "2026-11-26").warnings.isEmpty)
    }

    @Test func aStatusThatDisagreesWithTheNewestUpdate() throws {
        let found = try warnings(["status: in_progress\nleader": "status: pending\nleader"])
        #expect(found.contains { $0.hasPrefix("content/items/1.2.1.md:6: warning: status is \"pending\", but the newest update that sets a status") }, "\(found)")
    }

    @Test func anUpdateDatedAfterTheAsOfDate() throws {
        let found = try warnings([:], asOf: "2026-11-01")
        #expect(found.contains { $0.contains("1.2.1.md:") && $0.contains("is after the as-of date 2026-11-01") }, "\(found)")
    }

    @Test func aDepartmentSiteYmlDoesNotListGetsASuggestion() throws {
        let found = try warnings(["department: \"社会救助股\"": "department: \"社会救助\""])
        #expect(found.contains("content/items/1.2.1.md:8: warning: department \"社会救助\" is not among the departments in site.yml; did you mean \"社会救助股\"?"), "\(found)")
    }

    @Test func progressNotesOnAnItemNotStarted() throws {
        let found = try warnings(["status: in_progress\nleader": "status: pending\nleader", "    status: in_progress\n": ""])
        #expect(found.contains { $0.hasPrefix("content/items/1.2.1.md:6: warning: status \"pending\" means not started, but the item has") }, "\(found)")
    }

    @Test func aDoneItemWithoutACompletionDate() throws {
        let found = try warnings(["status: in_progress\nleader": "status: done\nleader", "    status: in_progress\n": ""])
        #expect(found.contains { $0.hasPrefix("content/items/1.2.1.md:6: warning: status \"done\" is done, but no update moved the item to a done status") }, "\(found)")
    }
}

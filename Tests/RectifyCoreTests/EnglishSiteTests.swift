import Foundation
import Testing
import RectifyCore

/// A second content folder, unlike the sample: other categories and statuses,
/// `language: en`, 300 items. It builds with no change to the code.
@Suite struct EnglishSiteTests {
    @Test func buildsThreeHundredItemsInEnglish() throws {
        let site = try TestSite()
        try site.write("site.yml", """
            title: Remediation tracker
            language: en
            statuses:
              - {key: open, label: Open}
              - {key: review, label: In review}
              - {key: closed, label: Closed, done: true}
            categories:
              - key: safety
                title: Safety
                groups: [{key: fire, title: Fire}, {key: food, title: Food}]
              - key: finance
                title: Finance
                groups: [{key: audit, title: Audit}]
            """)
        let statuses = ["open", "review", "closed"], groups = [("safety", "fire"), ("safety", "food"), ("finance", "audit")]
        for number in 1...300 {
            let (category, group) = groups[number % 3]
            try site.write("items/item-\(number).md", """
                ---
                id: F-\(number)
                title: Finding \(number)
                category: \(category)
                group: \(group)
                status: \(statuses[number % 3])
                leader: Lead \(number % 7)
                department: Unit \(number % 5)
                deadline: 2026-\(String(format: "%02d", number % 12 + 1))-15
                ---

                Finding **\(number)** with a [link](../F-1/index.html).
                """)
        }
        let report = try site.build(asOf: "2026-06-30")
        #expect(report.items == 300)
        let home = try site.page("index.html")
        #expect(home.contains("<html lang=\"en\">"))
        #expect(home.contains("<span class=\"total-number\">300</span><span class=\"total-label\">Total items</span>"))
        #expect(home.contains("<span class=\"total-number\">100</span><span class=\"total-label\">Completed</span>"))
        #expect(home.contains("Data as of"))
        #expect(!home.contains("统计截至") && !home.contains("问题"))
        let ledger = try site.page("ledger/index.html")
        // Natural order within a category's group of the ledger (F-9 … F-300 are all "safety").
        let order = ["F-9", "F-10", "F-99", "F-100", "F-300"].compactMap { ledger.range(of: ">\($0)</a>")?.lowerBound }
        #expect(order.count == 5 && order == order.sorted())
        #expect(site.exists("categories/finance/index.html") && site.exists("status/review/index.html"))
        #expect(try site.snapshot().keys.filter { $0.hasPrefix("items/") }.count == 300)
    }
}

import Foundation
import Testing
import RectifyCore

/// The dashboard a leader reads for ten seconds: the as-of date first, an overdue card, what
/// "completed" counts, how far off each deadline is, colours that follow meaning.
@Suite struct DashboardTests {
    @Test func theDashboardSaysWhatALeaderNeedsFirst() throws {
        let site = try TestSite(copying: Repository.content)
        try site.build(asOf: "2026-11-26")
        let home = try site.page("index.html")
        let asOf = try #require(home.range(of: "<p class=\"as-of\">统计截至 <time datetime=\"2026-11-26\">2026-11-26</time></p>"))
        let cards = try #require(home.range(of: "<section class=\"totals\""))
        #expect(asOf.lowerBound < cards.lowerBound, "the as-of date stands above the cards")
        #expect(home.contains("<span class=\"total-number\">3</span><span class=\"total-label\">已逾期</span>"))
        #expect(home.contains("<span class=\"total-number\">8</span><span class=\"total-label\">已完成（含已完成、长期坚持）</span>"))
        // The overdue list comes before the tables, so it is seen without scrolling.
        let overdue = try #require(home.range(of: "<h2>已逾期</h2>"))
        let byStatus = try #require(home.range(of: "<h2>按整改状态</h2>"))
        #expect(overdue.lowerBound < byStatus.lowerBound)
        #expect(home.contains("<strong class=\"days\">逾期 11 天</strong>"), "1.2.1 was due 2026-11-15")
        #expect(home.contains("<strong class=\"days\">剩 4 天</strong>"), "due 2026-11-30")
        // Bars: a status not done is not drawn in the green of completion.
        let pending = try #require(home.range(of: "未启动</a>", range: byStatus.upperBound..<home.endIndex))
        let pendingRow = home[pending.upperBound...].prefix(200)
        #expect(pendingRow.contains("bar-open") && !pendingRow.contains("bar-done"))
    }

    @Test func theChartHasMonthTicksAndRoundGridlines() throws {
        let site = try TestSite(copying: Repository.content)
        try site.build(asOf: "2026-11-26")
        let home = try site.page("index.html")
        let gridLabels = home.matches(of: /text-anchor="end">(\d+)<\/text>/).map { Int($0.output.1)! }
        #expect(gridLabels == [0, 10, 20, 30], "gridlines at round numbers up to the total of 26")
        #expect(home.contains(">10月</text>") && home.contains(">11月</text>"), "month ticks")
    }
}

/// The navigation lists the categories and marks the page being read.
@Suite struct NavigationTests {
    @Test func categoriesAreInTheNavigationAndTheCurrentPageIsMarked() throws {
        let site = try TestSite(copying: Repository.content)
        try site.build(asOf: "2026-11-26")
        let ledger = try site.page("ledger/index.html")
        #expect(ledger.contains("<a href=\"../ledger/index.html\" aria-current=\"page\">整改台账</a>"))
        #expect(ledger.contains("<a href=\"../categories/integrity/index.html\">"), "categories are in the navigation")
        let category = try site.page("categories/integrity/index.html")
        #expect(category.contains("<a href=\"../../categories/integrity/index.html\" aria-current=\"page\">"))
        let home = try site.page("index.html")
        #expect(home.contains("<a href=\"index.html\" aria-current=\"page\">首页</a>"))
        #expect(try site.page("departments/index.html").contains("aria-current=\"page\">责任单位</a>"))
    }
}

/// The ledger as a leader's office prints it: grouped by 方面, and with the lead unit and the
/// co-operating units of an item that has several.
@Suite struct LedgerTests {
    @Test func theLedgerIsGroupedByCategoryWithAGroupRow() throws {
        let site = try TestSite(copying: Repository.content)
        try site.build(asOf: "2026-11-26")
        let ledger = try site.page("ledger/index.html")
        let groups = ledger.matches(of: /<tr class="group-row"><th colspan="9" scope="rowgroup">([^<]+)（(\d+)）<\/th><\/tr>/)
        #expect(groups.map { Int($0.output.2)! } == [10, 9, 7])
        #expect(groups.first.map { String($0.output.1) } == "用新思想引领推动民政工作，履行新时代民政工作的政治责任方面")
    }

    @Test func anItemCanHaveALeadUnitAndCoOperatingUnits() throws {
        let site = try TestSite(copying: Repository.content)
        try site.build(asOf: "2026-11-26")
        let item = try site.page("items/1.2.3/index.html")
        #expect(item.contains("<dt>责任单位</dt><dd><a href=\"../../departments/social-affairs/index.html\">社会事务股</a></dd>"))
        #expect(item.contains("<dt>配合单位</dt><dd>殡葬服务中心</dd>"))
        #expect(try site.page("ledger/index.html").contains("社会事务股<br><span class=\"meta\">配合单位：殡葬服务中心</span>"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: site.output.appending(path: "data.json"))) as? [String: Any]
        let items = try #require(json?["items"] as? [[String: Any]])
        #expect(items.first { $0["id"] as? String == "1.2.3" }?["coDepartments"] as? [String] == ["殡葬服务中心"])
    }
}

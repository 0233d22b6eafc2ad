import Testing
import RectifyCore

/// 三色预警: each item's state against the as-of date, at the boundaries.
@Suite struct DeadlineStateTests {
    let config: SiteConfig

    init() throws {
        let site = try TestSite(fixture: "small-site")
        config = try ContentLoader(directory: site.content, displayRoot: "content", languages: ["zh-CN"]).load().0.config
    }

    func item(status: String, deadline: String, updates: [(String, String?)] = []) -> Item {
        Item(id: "1", title: "t", category: "alpha", group: "a1", status: status, leader: "l", department: "d",
             deadline: Day(deadline)!, measures: nil,
             updates: updates.map { Item.Update(date: Day($0.0)!, note: "n", status: $0.1, line: 1) },
             source: SourceFile(displayPath: "x.md", bodyStartLine: 1))
    }

    func state(_ item: Item, on day: String) -> DeadlineState {
        DeadlineState.of(item, in: config, asOf: Day(day)!)
    }

    @Test func openItems() {
        let open = item(status: "doing", deadline: "2026-05-10")
        #expect(state(open, on: "2026-04-29") == .onTrack, "11 days before: beyond the 10-day warning")
        #expect(state(open, on: "2026-04-30") == .dueSoon, "10 days before: warning starts")
        #expect(state(open, on: "2026-05-10") == .dueSoon, "due today is not yet overdue")
        #expect(state(open, on: "2026-05-11") == .overdue, "one day late")
        #expect(state(open, on: "2027-01-01") == .overdue)
    }

    @Test func completedItems() {
        let onDeadline = item(status: "done", deadline: "2026-05-10", updates: [("2026-04-01", "doing"), ("2026-05-10", "done")])
        #expect(state(onDeadline, on: "2026-06-01") == .completedOnTime, "completed on the deadline is on time")
        let dayLate = item(status: "done", deadline: "2026-05-10", updates: [("2026-05-11", "done"), ("2026-05-20", nil)])
        #expect(state(dayLate, on: "2026-06-01") == .completedLate, "completed the day after the deadline is late")
        let reopened = item(status: "done", deadline: "2026-05-10", updates: [("2026-05-01", "done"), ("2026-05-05", "doing"), ("2026-05-15", "done")])
        #expect(state(reopened, on: "2026-06-01") == .completedLate, "the last move to done counts")
        let undated = item(status: "done", deadline: "2026-05-10")
        // Done with no update saying when: never shown as on time, even long past its deadline.
        #expect(state(undated, on: "2027-01-01") == .completedUndated)
    }

    @Test func coloursFollowTheStates() {
        #expect(DeadlineState.allCases.map(\.colour) == ["green", "red", "yellow", "green", "yellow", "red"])
    }

    /// The item page of an item marked done with no update that says when: 已完成（完成日期
    /// 不详）, in yellow, never 按期完成 (the trial found such items shown on time while overdue).
    @Test func anUndatedCompletionIsShownAsSuch() throws {
        let site = try TestSite(copying: Repository.content)
        let file = site.content.appending(path: "items/1.2.1.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try site.write("items/1.2.1.md", text.replacingOccurrences(of: "status: in_progress\nleader", with: "status: done\nleader"))
        try site.build(asOf: "2026-11-26")
        let page = try site.page("items/1.2.1/index.html")
        #expect(page.contains("state-yellow") && page.contains("已完成（完成日期不详）"))
        #expect(!page.contains("按期完成"))
    }
}

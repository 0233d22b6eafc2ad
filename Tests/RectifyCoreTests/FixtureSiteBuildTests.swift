import Foundation
import Testing
import RectifyCore

/// The small fixture site (4 items, 2 categories, 3 statuses, 1 page, 1 attachment),
/// built into a temporary folder.
@Suite struct FixtureSiteBuildTests {
    let site: TestSite
    let report: BuildReport

    init() throws {
        site = try TestSite(fixture: "small-site")
        report = try site.build(asOf: "2026-04-01")
    }

    @Test func writesEveryPageOfTheOutputContract() {
        for path in ["index.html", "ledger/index.html", "categories/alpha/index.html", "categories/beta/index.html",
                     "status/todo/index.html", "status/doing/index.html", "status/done/index.html",
                     "items/1.2/index.html", "items/1.9/index.html", "items/1.10/index.html", "items/2.1/index.html",
                     "pages/causes/index.html", "static/style.css", "files/plan.txt"] {
            #expect(site.exists(path), "missing \(path)")
        }
        #expect(report.items == 4)
        // home, ledger, 2 categories, 3 statuses, 4 items, 1 page, departments index + 3, updates, feed, print document
        // (no search page: this build makes no search index)
        #expect(report.pages == 1 + 1 + 2 + 3 + 4 + 1 + 4 + 2 + 1)
        #expect(!site.exists("search/index.html"))
    }

    @Test func homePageCountsByStatusAndCategory() throws {
        let home = try site.page("index.html")
        #expect(home.contains("<html lang=\"zh-CN\">"))
        // The site's name once, not "name · name"; other pages put theirs first.
        let title = try #require(home.firstMatch(of: /<title>([^<]*)<\/title>/)).output.1
        #expect(!title.contains(" · ") && !title.isEmpty, "\(title)")
        #expect(try site.page("ledger/index.html").contains(" · \(title)</title>"))
        #expect(home.contains("<span class=\"total-number\">4</span><span class=\"total-label\">问题总数</span>"))
        #expect(home.contains("<span class=\"total-number\">1</span><span class=\"total-label\">已完成</span>"))
        #expect(home.contains("<span class=\"total-number\">25.0%</span><span class=\"total-label\">完成率</span>"))
        #expect(home.contains("<a href=\"status/doing/index.html\">整改中</a></td><td class=\"num\">2</td>"))
        #expect(home.contains("<a href=\"categories/alpha/index.html\">第一方面</a></td><td class=\"num\">3</td><td class=\"num\">1</td>"))
        #expect(home.contains("<a href=\"categories/beta/index.html\">第二方面</a></td><td class=\"num\">1</td><td class=\"num\">0</td>"))
    }

    @Test func categoryPageGroupsItemsInNaturalOrder() throws {
        let page = try site.page("categories/alpha/index.html")
        let first = try #require(page.range(of: "<h2>第一类</h2>")), second = try #require(page.range(of: "<h2>第二类</h2>"))
        let groupOne = String(page[first.upperBound..<second.lowerBound])
        let position12 = try #require(groupOne.range(of: ">1.2</a>")), position110 = try #require(groupOne.range(of: ">1.10</a>"))
        #expect(position12.lowerBound < position110.lowerBound)
        #expect(String(page[second.upperBound...]).contains(">1.9</a>"))
        #expect(!page.contains(">2.1</a>"))
    }

    @Test func statusPageListsOnlyItsItems() throws {
        let page = try site.page("status/doing/index.html")
        #expect(page.contains(">1.10</a>") && page.contains(">2.1</a>"))
        #expect(!page.contains(">1.2</a>") && !page.contains(">1.9</a>"))
        #expect(page.contains("2 项"))
    }

    @Test func itemPageShowsEveryFieldTheBodyAndTheUpdates() throws {
        let page = try site.page("items/1.2/index.html")
        for text in ["<dt>编号</dt><dd>1.2</dd>", "<dt>所属方面</dt><dd>第一方面</dd>", "<dt>问题类别</dt><dd>第一类</dd>",
                     "<dt>责任领导</dt><dd>张某某</dd>", "<dt>责任单位</dt><dd><a href=\"../../departments/\(Department.derivedKey(for: "办公室"))/index.html\">办公室</a></dd>",
                     "<time datetime=\"2026-03-31\">2026-03-31</time>", "<dt>整改措施</dt><dd>修订学习制度</dd>",
                     "<h2 id=\"问题表现\">问题表现</h2>", "学习<strong>不深入</strong>。", "<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
                     "<time datetime=\"2026-03-30\">2026-03-30</time> <span class=\"status-change\">状态变更为 已完成</span><p>修订完成。</p>"] {
            #expect(page.contains(text), "item page lacks \(text)")
        }
        // Updates are listed newest first.
        let newest = try #require(page.range(of: "修订完成。")), oldest = try #require(page.range(of: "启动修订。"))
        #expect(newest.lowerBound < oldest.lowerBound)
    }

    @Test func everyLinkIsRelative() throws {
        let item = try site.page("items/1.2/index.html")
        #expect(item.contains("href=\"../../static/style.css\""))
        #expect(item.contains("href=\"../../index.html\""))
        #expect(item.contains("href=\"../../files/plan.txt\""))
        for (path, data) in try site.snapshot() where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("href=\"/"), "\(path) has a root-absolute link")
            #expect(!html.contains("src=\"/"), "\(path) has a root-absolute source")
            #expect(!html.contains("http://") && !html.contains("https://"), "\(path) refers outside the site")
        }
    }

    @Test func ledgerHasOneRowPerItemInNaturalOrder() throws {
        let ledger = try site.page("ledger/index.html")
        #expect(ledger.occurrences(of: "<td class=\"num\">") == 4)
        let ids = ["1.2", "1.9", "1.10", "2.1"].map { ledger.range(of: "<a href=\"../items/\($0)/index.html\">\($0)</a>")?.lowerBound }
        #expect(ids.allSatisfy { $0 != nil })
        #expect(ids.compactMap { $0 } == ids.compactMap { $0 }.sorted())
        #expect(ledger.contains("<time datetime=\"2026-03-15\">2026-03-15</time> 制定工作计划。"))
    }

    @Test func deadlineStatesAreShownAsTextNotOnlyColour() throws {
        let ledger = try site.page("ledger/index.html")
        // As of 2026-04-01: 1.9 (due 03-01, open) is overdue; 1.10 (due 04-05) is due soon.
        #expect(ledger.contains("state-red\"><span class=\"state-icon\" aria-hidden=\"true\"></span>已逾期"))
        #expect(ledger.contains("state-yellow\"><span class=\"state-icon\" aria-hidden=\"true\"></span>临近期限"))
        let home = try site.page("index.html")
        #expect(home.contains("1.9 采购制度执行不严"))
    }

    @Test func footerShowsTheAsOfDateAndTheNotice() throws {
        let page = try site.page("pages/causes/index.html")
        #expect(page.contains("统计截至 <time datetime=\"2026-04-01\">2026-04-01</time>"))
        #expect(page.contains("<p class=\"notice\">示例数据</p>"))
        #expect(page.contains("<h2 id=\"思想认识不到位\">思想认识不到位</h2>"))
    }

    @Test func stylesheetHasACJKFontStackAndPrintRules() throws {
        let css = try site.page("static/style.css")
        for font in ["Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei"] {
            #expect(css.contains(font))
        }
        #expect(css.contains("@media print"))
        #expect(css.contains(".site-header, .skip, nav"))
        #expect(!css.contains("@import") && !css.contains("url("))
    }
}

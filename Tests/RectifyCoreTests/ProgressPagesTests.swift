import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import RectifyCore

/// Progress at a glance: the dashboard's chart and bars, departments, updates, the feed.
@Suite struct ProgressPagesTests {
    let site: TestSite

    init() throws {
        site = try TestSite(copying: Repository.content)
        try site.build(asOf: "2026-11-26")
    }

    /// The `data-…` attribute values of every element in `html` that has `attribute`.
    func values(of attribute: String, in html: String) -> [String] {
        html.components(separatedBy: " \(attribute)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func theCompletionChartAddsUpToTheDoneItems() throws {
        let home = try site.page("index.html")
        let doneItems = try site.snapshot().keys.filter { $0.hasPrefix("items/") }.filter { path in
            let page = (try? site.page(path)) ?? ""
            return page.contains("<dt>整改状态</dt><dd><span class=\"status status-done") || page.contains("status-ongoing status-done")
        }
        #expect(doneItems.count == 8)
        #expect(values(of: "data-completed", in: home) == ["8"])
        #expect(values(of: "data-total", in: home) == ["26"])
        let counts = values(of: "data-count", in: home).compactMap(Int.init)
        #expect(counts.last == 8)
        #expect(counts == counts.sorted() && Set(counts).count == counts.count, "cumulative counts only grow")
        let dates = values(of: "data-date", in: home)
        #expect(dates == dates.sorted())
        #expect(dates.first == "2026-10-12" && dates.last == "2026-11-24")
        #expect(home.contains("<svg class=\"completion-chart\""))
        #expect(home.occurrences(of: "<script") == 1 && home.contains("<script src=\"static/print.js\" defer></script>"), "the chart needs no script")
    }

    @Test func completionBarsMatchTheShares() throws {
        let home = try site.page("index.html")
        #expect(home.contains("<span class=\"total-number\">30.8%</span>"))
        #expect(home.contains("<rect class=\"bar-fill\" x=\"0\" y=\"0\" width=\"30.8\" height=\"10\"/>"))
        // 1.2 (践行民政为民…): 4 items, none done.
        #expect(home.contains("践行“民政为民、民政爱民”工作理念不到位，谋划民政事业长远发展有差距</td><td class=\"num\">4</td><td class=\"num\">0</td><td class=\"share\"><svg"))
    }

    @Test func overdueAndDueSoonListsFollowTheAsOfDate() throws {
        let home = try site.page("index.html")
        let overdue = try #require(home.range(of: "<h2>已逾期</h2>")), dueSoon = try #require(home.range(of: "<h2>临近期限</h2>"))
        let overdueList = String(home[overdue.upperBound..<dueSoon.lowerBound])
        #expect(overdueList.contains("1.2.1 ") && overdueList.contains("1.3.1 ") && overdueList.contains("2.2.2 "))
        #expect(overdueList.occurrences(of: "<li>") == 3)
    }

    @Test func departmentsHaveASCIIPagesWithTheirItemsAndShares() throws {
        let index = try site.page("departments/index.html")
        // 办公室 is responsible for 7 sample items, 5 of them done.
        #expect(index.contains("<a href=\"../departments/office/index.html\">办公室</a></td><td class=\"num\">7</td><td class=\"num\">5</td>"))
        let office = try site.page("departments/office/index.html")
        #expect(office.contains("<h1>办公室</h1>"))
        #expect(office.occurrences(of: "<td class=\"id\">") == 7)
        #expect(office.contains("完成率 71.4%"))
        let paths = try site.snapshot().keys.filter { $0.hasPrefix("departments/") }
        #expect(paths.count == 12)
        #expect(paths.allSatisfy { $0.allSatisfy(\.isASCII) })
    }

    @Test func departmentsWithoutAKeyGetAStableASCIIOne() {
        #expect(Department.derivedKey(for: "办公室") == Department.derivedKey(for: "办公室"))
        #expect(Department.derivedKey(for: "办公室") != Department.derivedKey(for: "财务股"))
        #expect(Department.derivedKey(for: "办公室").allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
        #expect(Department.derivedKey(for: "办公室").count == 9)
    }

    @Test func theUpdatesPageListsEveryUpdateNewestFirst() throws {
        let page = try site.page("updates/index.html")
        let dates = values(of: "datetime", in: page).filter { $0 != "2026-11-26" }
        let itemFiles = try FileManager.default.contentsOfDirectory(atPath: site.content.appending(path: "items").path)
        let updateCount = try itemFiles.map { try String(contentsOf: site.content.appending(path: "items/\($0)"), encoding: .utf8).occurrences(of: "  - date: ") }.reduce(0, +)
        #expect(dates.count == updateCount)
        #expect(dates == dates.sorted(by: >))
    }

    @Test func theAtomFeedIsValidXMLWithCompleteEntries() throws {
        let data = try Data(contentsOf: site.output.appending(path: "feed.xml"))
        let parser = XMLParser(data: data)
        let collector = AtomCollector()
        parser.delegate = collector
        #expect(parser.parse(), "feed.xml must be well-formed XML: \(String(describing: parser.parserError))")
        #expect(collector.rootName == "feed" && collector.namespace == "http://www.w3.org/2005/Atom")
        #expect(collector.entries.count > 30)
        for entry in collector.entries {
            for field in ["id", "updated", "title"] {
                #expect(!(entry[field] ?? "").isEmpty, "entry lacks \(field): \(entry)")
            }
            #expect(entry["link"]?.hasPrefix("items/") == true)
            #expect(entry["updated"]?.range(of: #"^\d{4}-\d{2}-\d{2}T00:00:00Z$"#, options: .regularExpression) != nil)
        }
        #expect(Set(collector.entries.compactMap { $0["id"] }).count == collector.entries.count, "entry IDs are unique")
    }
}

/// Collects the Atom entries' child elements with a real XML parser.
final class AtomCollector: NSObject, XMLParserDelegate {
    var rootName: String?
    var namespace: String?
    var entries: [[String: String]] = []
    private var current: [String: String]?
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if rootName == nil { rootName = name; namespace = attributes["xmlns"] }
        if name == "entry" { current = [:] }
        if name == "link", current != nil { current?["link"] = attributes["href"] }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "entry", let entry = current {
            entries.append(entry)
            current = nil
        } else if current != nil, ["id", "updated", "title", "summary"].contains(name) {
            current?[name] = text
        }
    }
}

import Foundation
import Testing
import RectifyCore

/// The repository's real content: the 26 problems of the inspection report.
@Suite struct SampleContentTests {
    @Test func buildsTheWholeSampleSite() throws {
        let site = try TestSite(copying: Repository.content)
        let report = try site.build(asOf: "2026-11-26")
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let files = try site.snapshot().keys
        #expect(files.filter { $0.hasPrefix("items/") && $0.hasSuffix("/index.html") }.count == 26)
        #expect(files.filter { $0.hasPrefix("categories/") }.count == 3)
        #expect(files.filter { $0.hasPrefix("status/") }.count == 4)
        #expect(site.exists("pages/causes/index.html") && site.exists("pages/measures/index.html"))
        let ledger = try site.page("ledger/index.html")
        let firstIDs = ["1.1.1", "1.1.2", "1.1.3", "1.2.1", "2.1.1", "3.3.2"]
        let positions = firstIDs.compactMap { ledger.range(of: ">\($0)</a>")?.lowerBound }
        #expect(positions.count == firstIDs.count && positions == positions.sorted())
        let home = try site.page("index.html")
        #expect(home.contains("<span class=\"total-number\">26</span>"))
        #expect(home.contains("示例数据"))
    }

    @Test func eachItemCarriesTheSeedText() throws {
        let site = try TestSite(copying: Repository.content)
        try site.build(asOf: "2026-11-26")
        #expect(try site.page("items/1.1.1/index.html").contains("一是自觉贯彻落实“第一议题”学习制度有温差。"))
        #expect(try site.page("items/3.3.2/index.html").contains("二是反馈问题整改不彻底。"))
    }
}

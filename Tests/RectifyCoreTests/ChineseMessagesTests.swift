import Foundation
import Testing
import RectifyCore

/// A zh-CN site's staff get their messages in Chinese, each saying what is wrong and how to
/// fix it, at the line where the slip is.
@Suite struct ChineseMessagesTests {
    /// The errors of the sample site with `file` edited.
    func errors(in file: String, lang: String? = nil, _ edit: (String) -> String) throws -> [String] {
        let site = try TestSite(copying: Repository.content)
        let url = site.content.appending(path: file)
        try site.write(file, edit(try String(contentsOf: url, encoding: .utf8)))
        do {
            try site.build(asOf: "2026-11-26") { $0.messageLanguage = lang }
        } catch RectifyError.invalidContent(let diagnostics) {
            return diagnostics.filter { $0.severity == .error }.sorted().map(\.description)
        }
        throw TestFailure("the build succeeded")
    }

    @Test func aFullWidthColonIsNamedAtItsLine() throws {
        #expect(try errors(in: "items/2.1.1.md") { $0.replacingOccurrences(of: "\nleader: ", with: "\nleader： ") }
            == ["content/items/2.1.1.md:7: 第7行：冒号是全角“：”，请改为半角“:”"])
    }

    @Test func aTabIsNamedAtItsLine() throws {
        #expect(try errors(in: "items/1.2.1.md") { $0.replacingOccurrences(of: "  - date: 2026-09-16", with: "\t- date: 2026-09-16") }
            == ["content/items/1.2.1.md:12: 第12行用 Tab 键缩进，这里只认空格：请把 Tab 换成两个空格"])
    }

    @Test func anUnclosedBracketIsNamedAtItsLine() throws {
        #expect(try errors(in: "items/1.2.1.md") { $0.replacingOccurrences(of: "\ncategory: ", with: "\nmeasures2: [未闭合\ncategory: ") }
            == ["content/items/1.2.1.md:4: 第4行的“[”没有配对的“]”：请补上“]”；如果这是文字的一部分，请给整段文字加上英文引号"])
    }

    @Test func aStatusLabelGetsItsKey() throws {
        #expect(try errors(in: "items/1.2.1.md") { $0.replacingOccurrences(of: "status: in_progress\nleader", with: "status: 整改中\nleader") }
            == ["content/items/1.2.1.md:6: 未知的整改状态“整改中”：请写状态的代码 in_progress（可选：pending（未启动）, in_progress（整改中）, done（已完成）, ongoing（已完成、长期坚持））"])
    }

    /// A word from a ledger (持续整改) or part of a label (完成) gets the key it means.
    @Test(arguments: [("完成", "done"), ("持续整改", "in_progress"), ("已销号", "done")])
    func aLedgersStatusWordGetsItsKey(word: String, key: String) throws {
        let found = try errors(in: "items/1.2.1.md") { $0.replacingOccurrences(of: "status: in_progress\nleader", with: "status: \(word)\nleader") }
        #expect(found.count == 1 && found[0].contains("未知的整改状态“\(word)”：请写状态的代码 \(key)（"), "\(found)")
    }

    @Test(arguments: ["2027年3月31日", "2027/3/31", "2027.3.31"])
    func aChineseDateGetsTheRightForm(date: String) throws {
        #expect(try errors(in: "items/1.2.1.md") { $0.replacingOccurrences(of: "deadline: 2026-11-15", with: "deadline: \(date)") }
            == ["content/items/1.2.1.md:9: “deadline”的日期“\(date)”格式不对：请写作 2027-03-31"])
    }

    @Test func aDayThatDoesNotExistIsCalledSo() throws {
        #expect(try errors(in: "items/1.2.1.md") { $0.replacingOccurrences(of: "deadline: 2026-11-15", with: "deadline: 2027-02-30") }
            == ["content/items/1.2.1.md:9: “deadline”的日期 2027-02-30 不存在：2027年2月只有28天"])
    }

    @Test func anEmptyTitleSaysItIsEmpty() throws {
        #expect(try errors(in: "items/1.2.1.md") { text in
            text.replacing(#/\ntitle: [^\n]*/#, with: "\ntitle: \"\"")
        } == ["content/items/1.2.1.md:3: “title”没有填写：请在冒号后面写上内容"])
    }

    @Test func langOverridesTheSiteLanguage() throws {
        #expect(try errors(in: "items/1.2.1.md", lang: "en") { $0.replacingOccurrences(of: "deadline: 2026-11-15", with: "deadline: 2027-02-30") }
            == ["content/items/1.2.1.md:9: \"deadline\": 2027-02-30 is a day that does not exist (month 2 of 2027 has 28 days)"])
    }
}

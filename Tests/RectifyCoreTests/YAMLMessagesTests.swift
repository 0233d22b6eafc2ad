import Foundation
import Testing
import RectifyCore
import RectifyFrontMatter

/// The YAML slips staff make in Word, WPS or Notepad, each named in Chinese at the line where
/// the slip is, not where libyaml gave up; and what parses but is not what was meant
/// (a note cut at ` #`, Word's curly quotes) is a warning at its line.
@Suite struct YAMLMessagesTests {
    /// The sample's items/1.2.1.md, lines 1–16 (`---`, id, title, category, group, status,
    /// leader, department, deadline, measures, updates: two updates with notes on 14 and 16).
    static let file = "items/1.2.1.md"

    func diagnostics(_ edit: (String) -> String, bytes: ((String) -> Data)? = nil) throws -> (errors: [String], warnings: [String]) {
        let site = try TestSite(copying: Repository.content)
        let url = site.content.appending(path: Self.file)
        let text = edit(try String(contentsOf: url, encoding: .utf8))
        if let bytes { try bytes(text).write(to: url) } else { try site.write(Self.file, text) }
        do {
            let report = try site.build(asOf: "2026-11-26") { $0.messageLanguage = nil }
            return ([], report.warnings.filter { $0.file.hasSuffix(Self.file) }.sorted().map { $0.described(in: Messages("zh-CN")) })
        } catch RectifyError.invalidContent(let diagnostics) {
            return (diagnostics.filter { $0.severity == .error }.sorted().map(\.description), [])
        }
    }

    func replacing(_ old: String, with new: String) -> (String) -> String {
        { text in
            precondition(text.contains(old), "the sample changed: \(old)")
            return text.replacingOccurrences(of: old, with: new)
        }
    }

    @Test func anUnclosedQuoteIsNamedAtTheLineOfTheOpeningQuote() throws {
        let found = try diagnostics(replacing("建立动态调整机制\"\nupdates:", with: "建立动态调整机制\nupdates:"))
        #expect(found.errors == ["content/items/1.2.1.md:10: 第10行的引号“\"”没有闭合：请在这段文字末尾补上“\"”"])
    }

    @Test func aColonAndASpaceInUnquotedTextSaysToQuoteIt() throws {
        let found = try diagnostics(replacing("    note: \"成立核查专班，完成115户低保对象入户核查。\"", with: "    note: 成立核查专班: 完成115户低保对象入户核查。"))
        #expect(found.errors == ["content/items/1.2.1.md:14: 第14行的文字里有半角冒号加空格“: ”，会被当成新的字段：请给整段文字加上英文引号，或改用全角冒号“：”"])
    }

    @Test func aHashAfterASpaceInUnquotedTextWarnsThatTheRestIsDropped() throws {
        let found = try diagnostics(replacing("    note: \"成立核查专班，完成115户低保对象入户核查。\"", with: "    note: 完成115户入户核查 #2号楼未完成"))
        #expect(found.errors.isEmpty)
        #expect(found.warnings == ["content/items/1.2.1.md:14: 提醒：第14行“#”前有空格，“#”及其后的文字会被当作注释丢掉，只留下“完成115户入户核查”：请给整段文字加上英文引号"])
    }

    @Test func wordsCurlyQuotesAroundAValueWarn() throws {
        let found = try diagnostics(replacing("measures: \"逐户核查低保和特困对象，建立动态调整机制\"", with: "measures: “逐户核查低保和特困对象，建立动态调整机制”"))
        #expect(found.warnings == ["content/items/1.2.1.md:10: 提醒：第10行的内容用中文引号“”括起，引号会原样显示在页面上：如不需要，请去掉引号或改用英文引号 \"\""])
    }

    @Test func aKeyWrittenTwiceIsNamedAtItsSecondLine() throws {
        let found = try diagnostics(replacing("deadline: 2026-11-15\n", with: "deadline: 2026-11-15\ndeadline: 2026-12-01\n"))
        #expect(found.errors == ["content/items/1.2.1.md:10: 字段“deadline”写了两次：请删去其中一个"])
    }

    @Test func aBadIndentIsNamedInWords() throws {
        let found = try diagnostics(replacing("    status: in_progress\n    note: \"成立", with: "    status: in_progress\n   note: \"成立"))
        #expect(found.errors.count == 1)
        #expect(found.errors.first?.hasPrefix("content/items/1.2.1.md:14: ") == true, "\(found.errors)")
        #expect(found.errors.first?.contains("缩进") == true, "\(found.errors)")
    }

    @Test func unclosedFrontMatterSaysWhereTheLineGoes() throws {
        let found = try diagnostics { text in
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let closing = lines.dropFirst().firstIndex { $0 == "---" }!
            return lines.enumerated().filter { $0.offset != closing }.map(\.element).joined(separator: "\n")
        }
        #expect(found.errors == ["content/items/1.2.1.md:1: 字段区没有结束：请在最后一个字段的下一行写上“---”"])
    }

    /// Notepad and WPS save Chinese text as GBK unless told otherwise.
    @Test func aFileSavedAsGBKSaysToSaveItAsUTF8() throws {
        let found = try diagnostics({ $0 }, bytes: { text in
            // 测试 in GBK, in the note on line 14.
            var data = Data(text.replacingOccurrences(of: "成立核查专班", with: "@@").utf8)
            let marker = data.range(of: Data("@@".utf8))!
            data.replaceSubrange(marker, with: [0xB2, 0xE2, 0xCA, 0xD4])
            return data
        })
        #expect(found.errors == ["content/items/1.2.1.md:14: 文件不是 UTF-8 编码（多半是用 GBK 保存的）：请用 UTF-8 保存（记事本或 WPS“另存为”时选择 UTF-8 编码）"])
    }

    @Test func aByteOrderMarkIsAcceptedSilently() throws {
        let found = try diagnostics { "\u{FEFF}" + $0 }
        #expect(found.errors.isEmpty && found.warnings.isEmpty, "\(found)")
    }

    /// Every problem the YAML reader names has Chinese words on a zh-CN site; libyaml's own
    /// words appear only inside a Chinese sentence.
    @Test func everyYAMLProblemHasChineseWords() {
        let problems: [FrontMatterError.Problem] = [
            .missingFrontMatter, .unclosedFrontMatter, .notAMapping, .extraDocument, .tooManyValues(limit: 9), .tooDeep(limit: 9),
            .alias("a"), .anchor("a"), .controlCharacter("0007"), .keyNotText, .duplicateKey("k"), .nulByte, .invalidUTF8,
            .unreadable("x"), .malformed("mapping values are not allowed in this context"), .malformed("something new"), .unexpectedStructure,
        ]
        let chinese = Messages("zh-CN")
        for problem in problems {
            let text = chinese.yaml(problem)
            #expect(text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(problem): \(text)")
            #expect(text != Messages("en").yaml(problem))
        }
    }
}

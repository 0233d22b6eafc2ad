/// The words of the messages staff meet most while editing content, one table per language
/// (the site's `language`, or `--lang`). Each says what is wrong and how to fix it; the
/// `file:line:` in front is the same in every language.
struct Messages: Sendable {
    enum Language: Sendable {
        case chinese, english
    }

    let language: Language

    init(_ code: String?) {
        language = code?.lowercased().hasPrefix("zh") == true ? .chinese : .english
    }

    func emptyField(_ key: String) -> String {
        switch language {
        case .chinese: return "“\(key)”没有填写：请在冒号后面写上内容"
        case .english: return "\"\(key)\" is empty; write its value after the colon"
        }
    }

    /// A date not written as YYYY-MM-DD; `suggestion` is the same date written so.
    func badDate(_ text: String, key: String, suggestion: String?) -> String {
        switch (language, suggestion) {
        case (.chinese, let suggestion?): return "“\(key)”的日期“\(text)”格式不对：请写作 \(suggestion)"
        case (.chinese, nil): return "“\(key)”的日期“\(text)”格式不对：请按“年-月-日”写，例如 2026-12-31"
        case (.english, let suggestion?): return "bad date \"\(text)\" for \"\(key)\": write it as \(suggestion)"
        case (.english, nil): return "bad date \"\(text)\" for \"\(key)\" (expected YYYY-MM-DD)"
        }
    }

    /// A date in the right form for a day that does not exist (2027-02-30).
    func impossibleDate(_ text: String, key: String, year: Int, month: Int, days: Int) -> String {
        switch language {
        case .chinese: return "“\(key)”的日期 \(text) 不存在：\(year)年\(month)月只有\(days)天"
        case .english: return "\"\(key)\": \(text) is a day that does not exist (month \(month) of \(year) has \(days) days)"
        }
    }

    func unknownStatus(_ value: String, expected: [String], suggestion: String?) -> String {
        let list = expected.joined(separator: ", ")
        switch (language, suggestion) {
        case (.chinese, let key?): return "未知的整改状态“\(value)”：请写状态的代码 \(key)（可选：\(list)）"
        case (.chinese, nil): return "未知的整改状态“\(value)”（可选：\(list)）"
        case (.english, let key?): return "unknown status \"\(value)\": write its key, \(key) (expected one of: \(list))"
        case (.english, nil): return "unknown status \"\(value)\" (expected one of: \(list))"
        }
    }

    func fullWidthColon(line: Int) -> String {
        switch language {
        case .chinese: return "第\(line)行：冒号是全角“：”，请改为半角“:”"
        case .english: return "line \(line) has a full-width colon \"：\"; type the ASCII colon \":\" instead"
        }
    }

    func tabIndent(line: Int) -> String {
        switch language {
        case .chinese: return "第\(line)行用 Tab 键缩进，这里只认空格：请把 Tab 换成两个空格"
        case .english: return "line \(line) is indented with a tab; YAML takes only spaces: replace the tab with two spaces"
        }
    }

    func unclosedBracket(_ open: Character, line: Int) -> String {
        let close: Character = open == "[" ? "]" : "}"
        switch language {
        case .chinese: return "第\(line)行的“\(open)”没有配对的“\(close)”：请补上“\(close)”；如果这是文字的一部分，请给整段文字加上英文引号"
        case .english: return "the \"\(open)\" on line \(line) is never closed: add \"\(close)\", or put the whole text in quotes"
        }
    }
}

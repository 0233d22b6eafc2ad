import Foundation

/// The words of the messages staff meet most while editing content, one table per language
/// (the site's `language`, or `--lang`). Each says what is wrong and how to fix it; the
/// `file:line:` in front is the same in every language.
public struct Messages: Sendable {
    enum Language: Sendable {
        case chinese, english
    }

    let language: Language

    public init(_ code: String?) {
        language = code?.lowercased().hasPrefix("zh") == true ? .chinese : .english
    }

    /// The messages of the site in `content`: `override` (`--lang`), else the `language:`
    /// written in its `site.yml`, read before the file is parsed, so that even the errors in
    /// `site.yml` itself are in the site's language.
    public static func forSite(_ content: URL, override: String?) -> Messages {
        if let override { return Messages(override) }
        guard let bytes = FileManager.default.contents(atPath: content.appending(path: "site.yml").path) else { return Messages(nil) }
        let line = String(decoding: bytes, as: UTF8.self).split(separator: "\n").first { $0.hasPrefix("language:") }
        return Messages(line.map { $0.dropFirst("language:".count).trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'")) })
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

    /// A published file whose name Windows cannot hold (`reason` from `Identifier.windowsProblem`).
    func windowsUnsafeName(_ name: String, reason: String) -> String {
        let why: String
        switch (language, reason) {
        case (.chinese, "device"): why = "是 Windows 保留的设备名（如 CON、AUX、NUL、COM1）"
        case (.chinese, "trailing"): why = "以点或空格结尾，Windows 会去掉它"
        case (.chinese, _): why = "含有 Windows 不允许的字符（< > : \" | ? * 或控制字符）"
        case (.english, "device"): why = "is a device name Windows reserves (CON, AUX, NUL, COM1…)"
        case (.english, "trailing"): why = "ends with a dot or a space, which Windows drops"
        case (.english, _): why = "holds a character Windows forbids (< > : \" | ? * or a control character)"
        }
        switch language {
        case .chinese: return "文件名“\(name)”\(why)：复制到 Windows 共享文件夹时会出错，请改名"
        case .english: return "the file name \"\(name)\" \(why): it cannot be copied to a Windows file share; rename it"
        }
    }

    /// Two published files whose paths differ only by case.
    func namesDifferOnlyByCase(_ name: String, _ other: String) -> String {
        switch language {
        case .chinese: return "“\(name)”与“\(other)”只有大小写不同，在 Windows 上是同一个文件：请改名其中一个"
        case .english: return "\"\(name)\" and \"\(other)\" differ only by case, and are one file on Windows: rename one of them"
        }
    }

    /// A date whose year is outside 1990–2099: a slip, such as 0026 for 2026.
    func implausibleYear(_ text: String, key: String) -> String {
        switch language {
        case .chinese: return "“\(key)”的日期 \(text) 年份不对：年份应在 1990 到 2099 之间，请写四位年份，例如 2026-12-31"
        case .english: return "\"\(key)\": the year of \(text) is outside 1990–2099; write the full year, as in 2026-12-31"
        }
    }

    /// A date in the right form for a day that does not exist (2027-02-30).
    func impossibleDate(_ text: String, key: String, year: Int, month: Int, days: Int) -> String {
        switch language {
        case .chinese: return "“\(key)”的日期 \(text) 不存在：\(year)年\(month)月只有\(days)天"
        case .english: return "\"\(key)\": \(text) is a day that does not exist (month \(month) of \(year) has \(days) days)"
        }
    }

    /// `expected`: each status's key and label, so staff see the words they know.
    func unknownStatus(_ value: String, expected: [(key: String, label: String)], suggestion: String?) -> String {
        let list = expected.map { language == .chinese ? "\($0.key)（\($0.label)）" : "\($0.key) (\($0.label))" }.joined(separator: ", ")
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

    // MARK: Fields

    func missingField(_ key: String) -> String {
        switch language {
        case .chinese: return "缺少必填项“\(key)”：请在文件开头的 --- 之间加上一行“\(key): ……”"
        case .english: return "missing required field \"\(key)\""
        }
    }

    func unknownKey(_ key: String, suggestion: String?) -> String {
        switch (language, suggestion) {
        case (.chinese, let known?): return "不认识的项目名“\(key)”，是不是“\(known)”？"
        case (.chinese, nil): return "不认识的项目名“\(key)”，它不会显示在网站上"
        case (.english, let known?): return "unknown key \"\(key)\"; did you mean \"\(known)\"?"
        case (.english, nil): return "unknown key \"\(key)\""
        }
    }

    func unknownCategory(_ value: String, expected: [String]) -> String {
        switch language {
        case .chinese: return "未知的所属方面“\(value)”（可选：\(expected.joined(separator: ", "))，见 site.yml 的 categories）"
        case .english: return "unknown category \"\(value)\" (expected one of: \(expected.joined(separator: ", ")))"
        }
    }

    func unknownGroup(_ value: String, category: String, expected: [String]) -> String {
        switch language {
        case .chinese: return "所属方面“\(category)”下没有问题类别“\(value)”（可选：\(expected.joined(separator: ", "))）"
        case .english: return "unknown group \"\(value)\" in category \"\(category)\" (expected one of: \(expected.joined(separator: ", ")))"
        }
    }

    /// An item ID that cannot be a folder name; `problem` is the English reason.
    func idProblem(_ id: String, problem: String, notASCII: Bool) -> String {
        switch language {
        case .chinese where notASCII:
            return "编号“\(id)”会成为网址里的文件夹名，只能用英文字母、数字和 . _ -（不能用汉字、空格或其他符号），例如 1.2.3"
        case .chinese: return "编号“\(id)”不能用作文件夹名：\(problem)"
        case .english: return "id \"\(id)\" \(problem)"
        }
    }

    func duplicateID(_ id: String, also other: String) -> String {
        switch language {
        case .chinese: return "编号“\(id)”重复了（\(other) 也用了它）：每个问题的编号必须不同"
        case .english: return "duplicate id \"\(id)\" (also in \(other))"
        }
    }

    func changedDuringBuild() -> String {
        language == .chinese ? "文件在生成期间被修改或删除：请保存好后重新生成" : "the file changed or went away during the build: save it, then build again"
    }

    func fileNotFound() -> String {
        language == .chinese ? "找不到这个文件" : "file not found"
    }

    // MARK: Checks

    func noUpdateYet(_ id: String) -> String {
        language == .chinese ? "问题 \(id) 还没有任何带日期的进展" : "item \(id) has no dated update yet"
    }

    /// A text longer than an Excel cell: cut in `ledger.xlsx`, whole on the site.
    func cutInWorkbook(_ field: String, length: Int) -> String {
        switch language {
        case .chinese: return "“\(field)”有 \(length) 字，超过 Excel 单元格上限 32767 字：ledger.xlsx 中已截断并注明，网站上为全文；如需完整表格，请精简此段"
        case .english: return "\"\(field)\" has \(length) characters, more than an Excel cell holds (32,767): ledger.xlsx shows it cut, with a mark; the site has it whole"
        }
    }

    func stale(days: Int, last: Day, limit: Int) -> String {
        switch language {
        case .chinese: return "已有 \(days) 天没有更新进展（上次 \(last)，site.yml 的 stale_days 为 \(limit)）：请补一条最新进展"
        case .english: return "no update for \(days) days (last on \(last), limit stale_days: \(limit))"
        }
    }

    func statusDisagrees(_ status: String, newest: Day, line: Int, sets other: String) -> String {
        switch language {
        case .chinese: return "整改状态写的是“\(status)”，但最新一条改变状态的进展（\(newest)，第\(line)行）写的是“\(other)”：请让两处一致"
        case .english: return "status is \"\(status)\", but the newest update that sets a status (\(newest), line \(line)) sets \"\(other)\"; make the two agree"
        }
    }

    func updateAfterAsOf(_ date: Day, asOf: Day) -> String {
        switch language {
        case .chinese: return "这条进展的日期 \(date) 晚于统计截至日 \(asOf)：请检查日期"
        case .english: return "update dated \(date) is after the as-of date \(asOf); check the date"
        }
    }

    func unlistedDepartment(_ unit: String, suggestion: String?) -> String {
        switch (language, suggestion) {
        case (.chinese, let known?): return "责任单位“\(unit)”不在 site.yml 的 departments 名单里，是不是“\(known)”？"
        case (.chinese, nil): return "责任单位“\(unit)”不在 site.yml 的 departments 名单里：请改为名单里的名称，或把它加进名单"
        case (.english, let known?): return "department \"\(unit)\" is not among the departments in site.yml; did you mean \"\(known)\"?"
        case (.english, nil): return "department \"\(unit)\" is not among the departments in site.yml"
        }
    }

    func notesWhileNotStarted(_ status: String, notes: Int) -> String {
        switch language {
        case .chinese: return "整改状态“\(status)”表示尚未启动，但已有 \(notes) 条进展：请把状态改为实际进度"
        case .english: return "status \"\(status)\" means not started, but the item has \(notes) progress note(s); set the status it has reached"
        }
    }

    func doneWithoutCompletion(_ status: String) -> String {
        switch language {
        case .chinese: return "整改状态“\(status)”表示已完成，但没有哪条进展把状态改为完成，完成日期无从得知：请加一条带日期的进展，写上 status: \(status)"
        case .english: return "status \"\(status)\" is done, but no update moved the item to a done status, so its completion date is unknown; add an update with the date and `status: \(status)`"
        }
    }

    func brokenLink(_ url: String, noFile target: String) -> String {
        language == .chinese ? "链接“\(url)”指向的 \(target) 在网站里不存在" : "broken link \"\(url)\": no file \(target) in the site"
    }

    func brokenLink(_ url: String, noAnchor anchor: String, in target: String) -> String {
        language == .chinese ? "链接“\(url)”：\(target) 里没有“\(anchor)”这一节" : "broken link \"\(url)\": no anchor \"\(anchor)\" in \(target)"
    }

    func linkLeavesSite(_ url: String) -> String {
        language == .chinese ? "链接“\(url)”指向网站以外的位置" : "broken link \"\(url)\": it leads outside the site"
    }

    func rootAbsoluteLink(_ url: String) -> String {
        language == .chinese ? "链接“\(url)”以“/”开头：请改用相对路径，网站放在子目录下或从本地打开时才能用"
            : "link \"\(url)\" starts with \"/\": use a relative path so the site works under any sub-path and from disk"
    }

    // MARK: Summaries

    public func errorsFound(_ count: Int) -> String {
        language == .chinese ? "共 \(count) 处错误，没有写入任何文件。" : "\(count) error\(count == 1 ? "" : "s") found; nothing was written."
    }

    public func checkSummary(_ folder: String, errors: Int, warnings: Int, strict: Bool) -> String {
        switch language {
        case .chinese: return "\(folder)：\(errors) 处错误，\(warnings) 处提醒\(strict && warnings > 0 ? "（--strict：提醒也算错误）" : "")"
        case .english:
            func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
            return "\(folder): \(plural(errors, "error")), \(plural(warnings, "warning"))\(strict && warnings > 0 ? " (--strict: warnings count as errors)" : "")"
        }
    }

    public func serveBanner() -> String {
        language == .chinese ? "生成失败，下面显示的是上一次成功生成的网站。" : "Build failed; showing the last good build."
    }
}

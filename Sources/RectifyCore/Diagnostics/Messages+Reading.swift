import RectifyFrontMatter

/// Reading content files: the files themselves, and their front matter's and `site.yml`'s
/// YAML, in the site's language: what libyaml and the reader found, said so that a person at
/// the keyboard can act on it.
extension Messages {
    /// What stands before a warning's words, after `file:line: `.
    public var warningMark: String { language == .chinese ? "提醒：" : "warning: " }
    /// What stands before a note of the build (a tool missing, a fallback taken).
    public var noteMark: String { language == .chinese ? "提示：" : "note: " }

    func outputLocked() -> String {
        switch language {
        case .chinese: return "另一次生成正在写这个输出文件夹：请等它结束后再试"
        case .english: return "another build is writing this output folder"
        }
    }

    func searchLeftOut() -> String {
        switch language {
        case .chinese: return "没有找到 Pagefind，本次生成的网站没有搜索功能，也不显示搜索框（安装：pip install pagefind-bin-extended，或设置 RECTIFY_PAGEFIND）"
        case .english: return "search was left out, and with it the search box: Pagefind is not installed (pip install pagefind-bin-extended, or RECTIFY_PAGEFIND)"
        }
    }

    func linkLeadsOutside() -> String {
        switch language {
        case .chinese: return "这是指向内容文件夹以外的符号链接，不会被读取：请把文件本身复制进来"
        case .english: return "symbolic link leads outside the content folder; it is not followed"
        }
    }

    func fileTooLarge(_ size: Int, limit: Int) -> String {
        switch language {
        case .chinese: return "文件有 \(size) 字节，超过了 \(limit) 字节的上限：请检查是否误存了图片或附件内容"
        case .english: return "file is \(size) bytes, over the limit of \(limit) bytes"
        }
    }

    func cannotRead(_ reason: String) -> String {
        switch language {
        case .chinese: return "无法读取文件（\(reason)）：请检查文件权限"
        case .english: return "cannot read file: \(reason)"
        }
    }

    public func yaml(_ problem: FrontMatterError.Problem) -> String {
        guard language == .chinese else { return problem.message }
        switch problem {
        case .missingFrontMatter: return "文件开头缺少字段区：第一行应当是“---”，字段写完后再写一行“---”"
        case .unclosedFrontMatter: return "字段区没有结束：请在最后一个字段的下一行写上“---”"
        case .notAMapping: return "字段区应当是“字段名: 内容”的形式，每行一个字段"
        case .extraDocument: return "这里多了一个“---”：一个文件只能有一个字段区，请删去多余的“---”"
        case .tooManyValues(let limit): return "字段内容过多（超过 \(limit) 项）：一个问题文件用不了这么多，请检查是否粘贴了多余内容"
        case .tooDeep(let limit): return "缩进层次过深（超过 \(limit) 层）：请检查缩进"
        case .alias(let name): return "不支持 YAML 引用（*\(name)）：请把内容完整写出"
        case .anchor(let name): return "不支持 YAML 锚点（&\(name)）：请把每处内容完整写出"
        case .controlCharacter(let code): return "文字里有看不见的控制字符 U+\(code)，网页、订阅和表格都无法显示：请删去它（多半是从别处复制来的）"
        case .keyNotText: return "字段名必须是普通文字"
        case .duplicateKey(let name): return "字段“\(name)”写了两次：请删去其中一个"
        case .nulByte: return "文件里有空字符（NUL）：它多半不是文本文件，或已损坏"
        case .invalidUTF8: return "文件不是 UTF-8 编码（多半是用 GBK 保存的）：请用 UTF-8 保存（记事本或 WPS“另存为”时选择 UTF-8 编码）"
        case .unreadable(let detail): return "无法读取这段文字（\(detail)）：请用 UTF-8 保存"
        case .malformed(let detail): return Self.explainedLibYAML(detail)
        case .unexpectedStructure: return "格式有误：请检查这一行的冒号、引号和缩进"
        }
    }

    /// libyaml's commonest complaints, in words; anything else is named as it is.
    static func explainedLibYAML(_ detail: String) -> String {
        let known: [(String, String)] = [
            ("mapping values are not allowed", "这一行有多余的半角冒号“: ”，或缩进不对：如果冒号是文字的一部分，请给整段文字加上英文引号"),
            ("did not find expected key", "缩进不对：同一层的字段要左端对齐（只用空格）"),
            ("did not find expected '-' indicator", "列表的缩进不对：每一项以“- ”开头，并且左端对齐"),
            ("could not find expected ':'", "缺少半角冒号“:”，或上面有引号没有闭合"),
            ("found unexpected end of stream", "引号或括号没有闭合：请补上"),
            ("found character that cannot start any token", "这一行的内容以 YAML 不允许的字符开头（如 @、`、% 或 Tab）：请给整段文字加上英文引号"),
            ("found unknown escape character", "双引号里的反斜杠“\\”后面跟了无法识别的字符：请写成两个反斜杠“\\\\”，或改用单引号"),
            ("found undefined tag handle", "“!”开头的内容 YAML 无法识别：请给整段文字加上英文引号"),
            ("block sequence entries are not allowed", "列表项“- ”不能写在这里：请换行并缩进"),
        ]
        for (english, chinese) in known where detail.contains(english) { return chinese }
        return "格式有误（\(detail)）：请检查这一行和上一行的冒号、引号和缩进"
    }

    func unclosedQuote(_ quote: Character, line: Int) -> String {
        switch language {
        case .chinese: return "第\(line)行的引号“\(quote)”没有闭合：请在这段文字末尾补上“\(quote)”"
        case .english: return "the quote \(quote) opened on line \(line) is never closed: add \(quote) at the end of the text"
        }
    }

    func colonInPlainText(line: Int) -> String {
        switch language {
        case .chinese: return "第\(line)行的文字里有半角冒号加空格“: ”，会被当成新的字段：请给整段文字加上英文引号，或改用全角冒号“：”"
        case .english: return "the text on line \(line) holds a colon and a space \": \", which YAML reads as a new key: put the whole text in quotes"
        }
    }

    /// A warning: an unquoted value with ` #`, whose rest YAML takes as a comment and drops.
    func textCutAtHash(line: Int, kept: String) -> String {
        switch language {
        case .chinese: return "第\(line)行“#”前有空格，“#”及其后的文字会被当作注释丢掉，只留下“\(kept)”：请给整段文字加上英文引号"
        case .english: return "on line \(line), \" #\" starts a comment: everything after it is dropped and only \"\(kept)\" is kept; put the whole text in quotes"
        }
    }

    /// A warning: a value in Word's curly quotes, which are kept as part of the text.
    func curlyQuotes(line: Int) -> String {
        switch language {
        case .chinese: return "第\(line)行的内容用中文引号“”括起，引号会原样显示在页面上：如不需要，请去掉引号或改用英文引号 \"\""
        case .english: return "the value on line \(line) is in curly quotes “”, which stay part of the text: remove them, or use straight quotes \"\""
        }
    }
}

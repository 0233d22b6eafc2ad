/// The messages about the public edition: markings in the content, and what
/// `rectify check --edition public` lists as left out.
extension Messages {
    func internalSectionNested(openedAt line: Int) -> String {
        switch language {
        case .chinese: return "第 \(line) 行的 <!-- internal --> 还没有结束，又出现了一个：请先在内部内容之后加一行 <!-- /internal -->"
        case .english: return "the <!-- internal --> of line \(line) is still open; close it with <!-- /internal --> before opening another"
        }
    }

    func internalSectionUnopened() -> String {
        switch language {
        case .chinese: return "这一行的 <!-- /internal --> 前面没有对应的 <!-- internal -->：请在内部内容之前加一行 <!-- internal -->，或删掉这一行"
        case .english: return "<!-- /internal --> without an <!-- internal --> before it; add <!-- internal --> before the internal part, or remove this line"
        }
    }

    func internalSectionUnclosed() -> String {
        switch language {
        case .chinese: return "<!-- internal --> 没有结束标记：请在内部内容之后加一行 <!-- /internal -->，否则公开版会删去从这里到文末的全部内容"
        case .english: return "<!-- internal --> is never closed; add <!-- /internal --> after the internal part"
        }
    }

    /// A line that looks like an internal marker but is not exactly one.
    func internalMarkerMalformed(_ line: String) -> String {
        let shown = line.trimmingASCIISpaces.prefix(60)
        switch language {
        case .chinese: return "“\(shown)”像是不公开标记，但写法不对，公开版无法识别：标记要单独占一行，只用半角字符，写作 <!-- internal --> 或 <!-- 内部 -->（结束处写 <!-- /internal -->），前面不能有“>”或列表符号"
        case .english: return "\"\(shown)\" looks like an internal marker but is not one, so the public edition would publish what follows; write <!-- internal --> (or <!-- /internal -->) alone on its line, in ASCII characters, outside quotes and lists"
        }
    }

    /// An unknown key that looks like a marking, in a build of the public edition.
    func misspeltMarking(_ key: String, suggestion: String) -> String {
        let example = suggestion == "internal" ? "internal: true（写在这条进展里）" : "visibility: internal"
        switch language {
        case .chinese: return "不认识的项目名“\(key)”，是不是“\(suggestion)”？它可能是要标记不公开，公开版无法确定，所以不生成：请改为 \(example)"
        case .english: return "unknown key \"\(key)\"; did you mean \"\(suggestion)\"? It may be meant to keep this out of the public edition, so that edition is not made"
        }
    }

    /// The public edition's preview banner: where the errors are, not what they say.
    public func publicPreviewFailed(_ places: [String]) -> String {
        let list = places.joined(separator: "\n")
        switch language {
        case .chinese: return (places.isEmpty ? "" : list + "\n") + "公开版预览不显示错误的内容（可能出自不公开的问题），请看运行 rectify serve 的终端。"
        case .english: return (places.isEmpty ? "" : list + "\n") + "The public edition's preview does not show what the errors say (it may come from what is not published); see the terminal running rectify serve."
        }
    }

    func reservedEvidenceName(_ name: String) -> String {
        switch language {
        case .chinese: return "证明材料不能叫“\(name)”：问题页面本身就发布在这个名字上，会被它替换。请改个文件名，例如“证明材料.html”"
        case .english: return "an evidence file may not be named \"\(name)\": the item's own page is published under that name and would be replaced; rename the file"
        }
    }

    func badVisibility(_ value: String) -> String {
        switch language {
        case .chinese: return "“visibility”只能写 internal（整项不公开）或 public（公开，默认），不能写“\(value)”"
        case .english: return "\"visibility\" must be internal (not published) or public (the default), not \"\(value)\""
        }
    }

    func badFieldRule(_ field: String, value: String) -> String {
        switch language {
        case .chinese: return "public_edition 的“\(field)”写了“\(value)”：请写 keep（照常公开）、omit（不公开）或替换用的文字，例如“分管领导”"
        case .english: return "public_edition \"\(field)\" is \"\(value)\"; write keep, omit, or the text to show instead, e.g. a role"
        }
    }

    func departmentCannotBeOmitted() -> String {
        switch language {
        case .chinese: return "public_edition 的“department”不能写 omit（网站按责任单位分页）：请写替换用的文字，例如“责任单位”，或写 keep"
        case .english: return "public_edition \"department\" cannot be omit (the site has a page per unit); write the text to show instead, or keep"
        }
    }

    func badUpdatesRule(_ value: String) -> String {
        switch language {
        case .chinese: return "public_edition 的“updates”只能写 keep（公开全部进展）或 omit（不公开任何进展），不能写“\(value)”；单条进展可在条目里加 internal: true"
        case .english: return "public_edition \"updates\" must be keep or omit, not \"\(value)\"; mark single updates with internal: true"
        }
    }

    func badChoice(_ key: String, value: String, expected: [String]) -> String {
        switch language {
        case .chinese: return "public_edition 的“\(key)”只能写 \(expected.joined(separator: " 或 "))，不能写“\(value)”"
        case .english: return "public_edition \"\(key)\" must be \(expected.joined(separator: " or ")), not \"\(value)\""
        }
    }

    func withheldNoteWithoutCount() -> String {
        switch language {
        case .chinese: return "“withheld_note”里要有 %d，公开版会把它换成不公开的项数，例如：另有 %d 项问题涉及个人隐私，依规不予公开。"
        case .english: return "\"withheld_note\" needs a %d where the number of items not published goes"
        }
    }

    /// A link in a published body to something the public edition leaves out.
    func linkToWithheld(_ target: String) -> String {
        switch language {
        case .chinese: return "链接指向公开版不公开的内容（\(target)）：公开版不能带这个链接，请把它放进 <!-- internal --> 与 <!-- /internal --> 之间，或删掉"
        case .english: return "links to \(target), which the public edition leaves out; put the link inside <!-- internal --> … <!-- /internal -->, or remove it"
        }
    }

    /// One line of `rectify check --edition public`.
    public func withheld(_ part: WithheldPart) -> String {
        let item = part.item ?? ""
        switch (language, part.kind) {
        case (.chinese, .item): return "公开版不公开：第 \(item) 项整项（visibility: internal）"
        case (.english, .item): return "left out of the public edition: item \(item), whole (visibility: internal)"
        case (.chinese, .update(let date)): return "公开版不公开：第 \(item) 项 \(date) 的进展（internal: true）"
        case (.english, .update(let date)): return "left out of the public edition: item \(item), the update of \(date) (internal: true)"
        case (.chinese, .section(let last)) where part.item == nil: return "公开版不公开：这一页到第 \(last) 行的内部内容"
        case (.english, .section(let last)) where part.item == nil: return "left out of the public edition: this page's internal part up to line \(last)"
        case (.chinese, .section(let last)): return "公开版不公开：第 \(item) 项正文到第 \(last) 行的内部内容"
        case (.english, .section(let last)): return "left out of the public edition: item \(item), its body's internal part up to line \(last)"
        case (.chinese, .attachment(let name)): return "公开版不公开：第 \(item) 项的证明材料 \(name)（要公开请在 site.yml 写 attachments: publish）"
        case (.english, .attachment(let name)): return "left out of the public edition: item \(item), the evidence file \(name) (attachments: publish in site.yml publishes them)"
        case (.chinese, .field(let name, .omit)): return "公开版不公开：每一项的“\(name)”"
        case (.english, .field(let name, .omit)): return "left out of the public edition: \"\(name)\" of every item"
        case (.chinese, .field(let name, .replace(let text))): return "公开版中每一项的“\(name)”显示为“\(text)”"
        case (.english, .field(let name, .replace(let text))): return "in the public edition, \"\(name)\" of every item shows as \"\(text)\""
        case (_, .field(_, .keep)): return ""
        }
    }

    public func withheldSummary(items: Int, parts: Int) -> String {
        switch language {
        case .chinese: return "公开版共不公开 \(items) 项问题，另有 \(parts) 处内容不公开。"
        case .english: return "The public edition leaves out \(items) items and \(parts) other parts."
        }
    }
}

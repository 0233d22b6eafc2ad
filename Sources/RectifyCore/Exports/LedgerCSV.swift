/// `ledger.csv`: the ledger for Excel and WPS. UTF-8 with a byte-order mark (so that Excel
/// reads Chinese correctly), RFC 4180: CRLF line ends, fields quoted when they hold a comma,
/// a quote or a line break, quotes doubled. Text that a spreadsheet would run as a formula is
/// prefixed with `'`: starting with `=` or `@`, a tab or a carriage return, or with `+` or `-`
/// followed by an ASCII character other than a space (`-cmd|…`, `+SUM(…)`); a note that starts
/// with "- " or "-整改" and plain numbers and dates are left as they are.
struct LedgerCSV {
    let views: SiteViews

    var text: String {
        let labels = views.labels
        let header = ["number", "id", "category", "group", "problem", "measures", "leader", "department", "deadline", "status", "deadline_state", "latest_update_date", "latest_update"]
            .map { labels[$0] }
        var rows = [header]
        for (index, item) in views.content.items.enumerated() {
            let state = views.deadlineState(item)
            let category = views.config.category(item.category)
            rows.append([
                String(index + 1), item.id, category?.title ?? item.category,
                category?.groupTitle(item.group) ?? item.group, item.title, item.measures ?? "", item.leader, ([item.department] + item.coDepartments).joined(separator: "、"), item.deadline.description,
                views.config.status(item.status)?.label ?? item.status, labels["state_\(state.rawValue)"],
                item.latestUpdate?.date.description ?? "", item.latestUpdate?.note ?? "",
            ])
        }
        return "\u{FEFF}" + rows.map { $0.map(Self.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Whether Excel or WPS would take the text for a formula.
    static func runsAsFormula(_ text: String) -> Bool {
        // Most fields start with none of the characters in question: they are let go at once,
        // before the dearer checks for a date or a number.
        guard let lead = text.utf8.first, [UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, 0x0D, UInt8(ascii: "+"), UInt8(ascii: "-")].contains(lead) else {
            return false
        }
        let scalars = Array(text.unicodeScalars.prefix(2))
        guard let first = scalars.first, Day(text) == nil, Double(text) == nil else { return false }
        switch first {
        case "=", "@", "\t", "\r": return true
        case "+", "-":
            guard scalars.count > 1 else { return false }
            let second = scalars[1]
            return second.isASCII && !second.properties.isWhitespace
        default: return false
        }
    }

    static func field(_ value: String) -> String {
        var text = value
        if runsAsFormula(text) { text = "'" + text }
        if text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}

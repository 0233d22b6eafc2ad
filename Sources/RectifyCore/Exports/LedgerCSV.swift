/// `ledger.csv`: the ledger for Excel and WPS. UTF-8 with a byte-order mark (so that Excel
/// reads Chinese correctly), RFC 4180: CRLF line ends, fields quoted when they hold a comma,
/// a quote or a line break, quotes doubled. Text that a spreadsheet would take for a formula
/// (starting with `=`, `+`, `-`, `@`) is prefixed with `'`.
struct LedgerCSV {
    let views: SiteViews

    var text: String {
        let labels = views.labels
        let header = ["number", "id", "problem", "measures", "leader", "department", "deadline", "status", "deadline_state", "latest_update_date", "latest_update"]
            .map { labels[$0] }
        var rows = [header]
        for (index, item) in views.content.items.enumerated() {
            let state = views.deadlineState(item)
            rows.append([
                String(index + 1), item.id, item.title, item.measures ?? "", item.leader, item.department, item.deadline.description,
                views.config.status(item.status)?.label ?? item.status, labels["state_\(state.rawValue)"],
                item.latestUpdate?.date.description ?? "", item.latestUpdate?.note ?? "",
            ])
        }
        return "\u{FEFF}" + rows.map { $0.map(Self.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@".unicodeScalars.contains(first), Day(text) == nil, Double(text) == nil {
            text = "'" + text
        }
        if text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}

import CXLSXWriter
import Foundation

/// `ledger.xlsx`: the ledger (整改台账) as the Excel workbook a leader's office asks for,
/// written by libxlsxwriter. Three sheets:
///
/// - 整改台账: a merged title row, 填报单位 and 统计截至, the header row, then each 方面 as a
///   bold group row followed by its items; dates as real Excel dates (`yyyy-mm-dd`), 时限状态
///   filled in its warning colour; A4 landscape, one page wide, the header repeated on every
///   printed page, page numbers in the footer; frozen below the header, with an autofilter;
/// - 进展记录: every update (编号, 日期, 状态, 进展);
/// - 汇总: counts by 方面 and status, with 已逾期 and 完成率.
///
/// Every value is a typed cell: text is always written as a string, never as a formula, so
/// `=cmd|…` in a note stays text. The workbook's creation date is the as-of date, so the same
/// content gives the same bytes.
struct LedgerWorkbook {
    /// Excel holds at most 32,767 characters in a cell; a longer text (libxlsxwriter would
    /// leave the cell empty) is cut, with a mark that says so.
    static let cellLimit = 32_767

    let views: SiteViews

    static let columns = ["number", "id", "category", "group", "problem", "measures", "leader", "department",
                          "deadline", "status", "deadline_state", "latest_update", "latest_update_date"]
    static let widths: [Double] = [6, 8, 22, 24, 36, 36, 18, 16, 12, 11, 11, 40, 12]

    /// The workbook's bytes, written through a temporary file (libxlsxwriter writes files).
    func data() throws(RectifyError) -> Data {
        let folder = FileManager.default.temporaryDirectory.appending(path: "rectify-xlsx-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .io(path: folder.path, reason: "cannot create a temporary folder for ledger.xlsx: \(error.localizedDescription)")
        }
        let file = folder.appending(path: "ledger.xlsx")
        try write(to: file.path, temporaryFolder: folder.path)
        do {
            return try Data(contentsOf: file)
        } catch {
            throw .io(path: file.path, reason: "cannot read ledger.xlsx back: \(error.localizedDescription)")
        }
    }

    private func write(to path: String, temporaryFolder: String) throws(RectifyError) {
        let book = Workbook(path: path, temporaryFolder: temporaryFolder)
        let labels = views.labels, config = views.config
        book.setProperties(title: config.title, created: views.asOf)

        let title = book.format { format_set_bold($0); format_set_font_size($0, 16); format_set_align($0, UInt8(LXW_ALIGN_CENTER.rawValue)) }
        let header = book.format { format_set_bold($0); format_set_bg_color($0, 0xD9E2F3); format_set_border($0, UInt8(LXW_BORDER_THIN.rawValue)); format_set_text_wrap($0); format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue)) }
        let group = book.format { format_set_bold($0); format_set_bg_color($0, 0xF2F2F2); format_set_border($0, UInt8(LXW_BORDER_THIN.rawValue)) }
        let cell = book.format { format_set_border($0, UInt8(LXW_BORDER_THIN.rawValue)); format_set_text_wrap($0); format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
        let date = book.format { format_set_border($0, UInt8(LXW_BORDER_THIN.rawValue)); format_set_num_format($0, "yyyy-mm-dd"); format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
        let stateFormats: [String: Format] = [
            "red": book.format { format_set_border($0, UInt8(LXW_BORDER_THIN.rawValue)); format_set_bg_color($0, 0xFDE2E2); format_set_font_color($0, 0xA4161A) },
            "yellow": book.format { format_set_border($0, UInt8(LXW_BORDER_THIN.rawValue)); format_set_bg_color($0, 0xFFF3C4); format_set_font_color($0, 0x7A5A00) },
            "green": book.format { format_set_border($0, UInt8(LXW_BORDER_THIN.rawValue)); format_set_bg_color($0, 0xE3F4E8); format_set_font_color($0, 0x1B6E2D) },
        ]

        // 整改台账
        let ledger = book.sheet(labels["ledger"])
        let last = UInt16(Self.columns.count - 1)
        for (index, width) in Self.widths.enumerated() { ledger.column(UInt16(index), width: width) }
        ledger.merge(row: 0, from: 0, to: last, config.title, title)
        let issuer = config.issuer.map { "\(labels["issuer"])：\($0)    " } ?? ""
        let withheld = views.content.withheldNote.map { "    \($0)" } ?? ""
        ledger.merge(row: 1, from: 0, to: last, "\(issuer)\(labels["data_as_of"])：\(views.asOf)\(withheld)", nil)
        for (column, key) in Self.columns.enumerated() { ledger.text(row: 2, column: UInt16(column), labels[key], header) }
        var row: UInt32 = 3
        var number = 0
        for category in config.categories {
            let items = views.content.items.filter { $0.category == category.key }
            guard !items.isEmpty else { continue }
            ledger.merge(row: row, from: 0, to: last, "\(category.title)（\(items.count)）", group)
            row += 1
            for item in items {
                number += 1
                let state = views.deadlineState(item)
                let groupTitle = category.groupTitle(item.group)
                ledger.number(row: row, column: 0, Double(number), cell)
                ledger.text(row: row, column: 1, item.id, cell)
                ledger.text(row: row, column: 2, category.title, cell)
                ledger.text(row: row, column: 3, groupTitle, cell)
                ledger.text(row: row, column: 4, item.title, cell)
                ledger.text(row: row, column: 5, item.measures ?? "", cell)
                ledger.text(row: row, column: 6, item.leader, cell)
                ledger.text(row: row, column: 7, ([item.department] + item.coDepartments).joined(separator: "、"), cell)
                ledger.date(row: row, column: 8, item.deadline, date)
                ledger.text(row: row, column: 9, config.status(item.status)?.label ?? item.status, cell)
                ledger.text(row: row, column: 10, labels["state_\(state.rawValue)"], stateFormats[state.colour] ?? cell)
                ledger.text(row: row, column: 11, item.latestUpdate?.note ?? "", cell)
                if let latest = item.latestUpdate { ledger.date(row: row, column: 12, latest.date, date) } else { ledger.text(row: row, column: 12, "", cell) }
                // Excel does not grow rows for wrapped text when it opens a file: the height
                // comes from the longest cell, counting a CJK character as two widths.
                let texts = [(4, item.title), (5, item.measures ?? ""), (11, item.latestUpdate?.note ?? ""), (2, category.title), (3, groupTitle), (6, item.leader)]
                let lines = texts.map { column, text in Self.lines(text, width: Self.widths[column]) }.max() ?? 1
                ledger.height(row: row, Double(min(lines, 15)) * 15)
                row += 1
            }
        }
        ledger.printSetup(headerRow: 2, footer: "&C\(labels["page_of_pages"].replacingOccurrences(of: "%p", with: "&P").replacingOccurrences(of: "%n", with: "&N"))")
        ledger.freezeAndFilter(headerRow: 2, lastRow: max(3, row - 1), lastColumn: last)

        // 进展记录
        let updates = book.sheet(labels["all_updates"])
        for (column, (key, width)) in [("id", 10.0), ("date", 12), ("status", 12), ("note", 80)].enumerated() {
            updates.column(UInt16(column), width: width)
            updates.text(row: 0, column: UInt16(column), labels[key], header)
        }
        var updateRow: UInt32 = 1
        for item in views.content.items {
            for update in item.updates {
                updates.text(row: updateRow, column: 0, item.id, cell)
                updates.date(row: updateRow, column: 1, update.date, date)
                updates.text(row: updateRow, column: 2, update.status.flatMap { config.status($0)?.label } ?? "", cell)
                updates.text(row: updateRow, column: 3, update.note, cell)
                updateRow += 1
            }
        }
        updates.freezeAndFilter(headerRow: 0, lastRow: max(1, updateRow - 1), lastColumn: 3)

        // 汇总
        let summary = book.sheet(labels["summary"])
        let summaryColumns = [labels["category"]] + config.statuses.map(\.label) + [labels["total"], labels["overdue"], labels["completion_rate"]]
        for (column, name) in summaryColumns.enumerated() {
            summary.column(UInt16(column), width: column == 0 ? 40 : 12)
            summary.text(row: 0, column: UInt16(column), name, header)
        }
        var summaryRow: UInt32 = 1
        for category in config.categories {
            summaryLine(summary, row: summaryRow, title: category.title, items: views.content.items.filter { $0.category == category.key }, cell: cell)
            summaryRow += 1
        }
        summaryLine(summary, row: summaryRow, title: labels["total"], items: views.content.items, cell: group)

        try book.close()
    }

    /// How many lines `text` takes in a column `width` characters wide.
    static func lines(_ text: String, width: Double) -> Int {
        let units = text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
        return max(1, Int((Double(units) / max(1, width - 1)).rounded(.up)))
    }

    private func summaryLine(_ sheet: Workbook.Sheet, row: UInt32, title: String, items: [Item], cell: Format) {
        sheet.text(row: row, column: 0, title, cell)
        for (index, status) in views.config.statuses.enumerated() {
            sheet.number(row: row, column: UInt16(index + 1), Double(items.filter { $0.status == status.key }.count), cell)
        }
        let base = UInt16(views.config.statuses.count + 1)
        sheet.number(row: row, column: base, Double(items.count), cell)
        sheet.number(row: row, column: base + 1, Double(items.filter { views.deadlineState($0) == .overdue }.count), cell)
        sheet.text(row: row, column: base + 2, views.progress(items).percent, cell)
    }
}

private typealias Format = UnsafeMutablePointer<lxw_format>

/// A thin layer over libxlsxwriter's C calls.
private final class Workbook {
    let book: UnsafeMutablePointer<lxw_workbook>

    init(path: String, temporaryFolder: String) {
        var options = lxw_workbook_options()
        // Rows go to a temporary file as they are written (strings inline, not shared): a
        // workbook of 10,000 items would otherwise hold every cell, about 20 MB.
        options.constant_memory = UInt8(LXW_TRUE.rawValue)
        book = temporaryFolder.withCString { folder in
            options.tmpdir = UnsafeMutablePointer(mutating: folder)
            return path.withCString { workbook_new_opt($0, &options) }!
        }
    }

    func setProperties(title: String, created day: Day) {
        var components = DateComponents()
        (components.year, components.month, components.day, components.hour) = (day.year, day.month, day.day, 0)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let created = time_t(calendar.date(from: components)?.timeIntervalSince1970 ?? 0)
        title.withCString { text in
            var properties = lxw_doc_properties()
            properties.title = UnsafeMutablePointer(mutating: text)
            properties.created = created
            workbook_set_properties(book, &properties)
        }
    }

    func format(_ configure: (Format) -> Void) -> Format {
        let format = workbook_add_format(book)!
        configure(format)
        return format
    }

    private var sheetNames: Set<String> = []

    /// A new sheet named `name` as Excel allows: no `/\\?*[]:`, no `'` at either end, at most
    /// 31 characters, unique (case aside). A theme's label can be anything.
    func sheet(_ name: String) -> Sheet {
        var base = String(name.map { "/\\?*[]:".contains($0) ? "_" : $0 })
        while base.hasPrefix("'") { base.removeFirst() }
        while base.hasSuffix("'") { base.removeLast() }
        base = String(base.prefix(31))
        if base.trimmingCharacters(in: .whitespaces).isEmpty { base = "Sheet" }
        var unique = base, number = 2
        while sheetNames.contains(unique.lowercased()) {
            let suffix = "(\(number))"
            unique = String(base.prefix(31 - suffix.count)) + suffix
            number += 1
        }
        sheetNames.insert(unique.lowercased())
        return Sheet(pointer: unique.withCString { workbook_add_worksheet(book, $0)! })
    }

    func close() throws(RectifyError) {
        let result = workbook_close(book)
        guard result == LXW_NO_ERROR else {
            throw .io(path: "ledger.xlsx", reason: "libxlsxwriter could not write the workbook: \(String(cString: lxw_strerror(result)))")
        }
    }

    struct Sheet {
        let pointer: UnsafeMutablePointer<lxw_worksheet>

        func height(row: UInt32, _ height: Double) {
            worksheet_set_row(pointer, row, height, nil)
        }

        func column(_ column: UInt16, width: Double) {
            worksheet_set_column(pointer, column, column, width, nil)
        }

        static let cellLimit = LedgerWorkbook.cellLimit
        static let cutMark = "……（超出 Excel 单元格长度，已截断，全文见网站）"

        func text(row: UInt32, column: UInt16, _ text: String, _ format: Format?) {
            var text = text
            if text.utf16.count > Self.cellLimit {
                var kept = "", units = 0
                let room = Self.cellLimit - Self.cutMark.utf16.count
                for character in text {
                    units += character.utf16.count
                    guard units <= room else { break }
                    kept.append(character)
                }
                text = kept + Self.cutMark
            }
            text.withCString { _ = worksheet_write_string(pointer, row, column, $0, format) }
        }

        func number(row: UInt32, column: UInt16, _ number: Double, _ format: Format?) {
            worksheet_write_number(pointer, row, column, number, format)
        }

        func date(row: UInt32, column: UInt16, _ day: Day, _ format: Format?) {
            var datetime = lxw_datetime(year: Int32(day.year), month: Int32(day.month), day: Int32(day.day), hour: 0, min: 0, sec: 0)
            worksheet_write_datetime(pointer, row, column, &datetime, format)
        }

        func merge(row: UInt32, from first: UInt16, to last: UInt16, _ text: String, _ format: Format?) {
            text.withCString { _ = worksheet_merge_range(pointer, row, first, row, last, $0, format) }
        }

        /// A4 landscape, one page wide, `headerRow` repeated on every page, `footer` at the foot.
        func printSetup(headerRow: UInt32, footer: String) {
            worksheet_set_landscape(pointer)
            worksheet_set_paper(pointer, 9)  // A4
            worksheet_fit_to_pages(pointer, 1, 0)
            worksheet_repeat_rows(pointer, headerRow, headerRow)
            footer.withCString { _ = worksheet_set_footer(pointer, $0) }
        }

        func freezeAndFilter(headerRow: UInt32, lastRow: UInt32, lastColumn: UInt16) {
            worksheet_freeze_panes(pointer, headerRow + 1, 0)
            worksheet_autofilter(pointer, headerRow, 0, lastRow, lastColumn)
        }
    }
}

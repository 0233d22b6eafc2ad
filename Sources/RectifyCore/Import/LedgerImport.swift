import Foundation
import RectifySystem

/// `rectify import`: the ledger (整改台账) a bureau keeps in Excel or WPS, turned into a
/// content folder: `site.yml` with its categories, groups, statuses and departments, and one
/// `items/<id>.md` per row.
///
/// The header row is found by its column names (title rows, notes and a two-row header above
/// it are fine); merged 所属方面 and 问题类别 cells count for every row they cover; dates may
/// be Excel serial numbers or text (`2026年12月31日`, `2026.12.31`, `2026/12/31`, `长期坚持`).
/// A sheet with 编号, 日期 and 进展 columns (like the exported workbook's 全部进展) gives each
/// item its dated updates; otherwise 最新进展 and 进展日期 give one.
public struct LedgerImport {
    /// What each column means, by the names ledgers give it.
    enum Field: String, CaseIterable {
        case number, id, category, group, problem, measures, leader, department, deadline, status, progress, progressDate

        var names: [String] {
            switch self {
            case .number: return ["序号"]
            case .id: return ["编号", "问题编号"]
            case .category: return ["所属方面", "方面", "类别", "问题方面"]
            case .group: return ["问题类别", "问题类型", "问题分类"]
            case .problem: return ["问题", "问题表现", "存在问题", "问题描述", "具体问题", "反馈问题"]
            case .measures: return ["整改措施", "措施"]
            case .leader: return ["责任领导", "牵头领导", "分管领导"]
            case .department: return ["责任单位", "牵头单位", "责任部门", "责任科室"]
            case .deadline: return ["完成时限", "整改时限", "时限"]
            case .status: return ["整改状态", "完成情况", "状态"]
            case .progress: return ["最新进展", "整改进展", "进展情况", "进展"]
            case .progressDate: return ["最新进展日期", "进展日期", "日期"]
            }
        }

        static func of(_ header: String) -> Field? {
            let name = header.filter { !$0.isWhitespace }
            return allCases.first { $0.names.contains(name) }
        }
    }


    public struct Report {
        public var mapped: [String] = []
        public var ignored: [String] = []
        public var unknownStatuses: [String] = []
        /// `FILE:row N: reason`, one per row that could not be imported.
        public var problems: [String] = []
        public var items = 0
        public var written: [String] = []
        /// Rows whose blank 所属方面 or 问题类别 took the value of the row above: a CSV saved
        /// from merged cells leaves them blank after the first row.
        public var filledDown = 0
    }

    public let file: URL
    public let content: URL
    public var partial = false
    public var force = false

    public init(file: URL, content: URL) {
        self.file = file
        self.content = content
    }

    public func run() throws(RectifyError) -> Report {
        let sheets = try readSheets()
        var report = Report()
        guard let (sheet, header) = sheets.lazy.compactMap({ sheet in Self.header(in: sheet).map { (sheet, $0) } }).first else {
            throw .io(path: file.path, reason: "no header row found: a ledger needs at least the columns 问题 and one of 编号, 所属方面, 责任单位 or 完成时限")
        }
        report.mapped = header.columns.sorted { $0.key < $1.key }.map { "\(header.names[$0.key] ?? "?") → \($0.value.rawValue)" }
        report.ignored = header.names.sorted { $0.key < $1.key }.compactMap { column, name in header.columns[column] == nil ? name : nil }
        let updates = sheets.filter { $0.name != sheet.name }.lazy.compactMap(Self.updateSheet).first ?? [:]
        var site = ImportedSite(title: Self.title(of: sheet, above: header.firstRow) ?? file.deletingPathExtension().lastPathComponent)
        // Each field's column: the leftmost, where two columns carry one header name (not
        // whichever a dictionary happens to give first, which changed from run to run).
        let fieldColumns = Dictionary(header.columns.map { ($0.value, $0.key) }) { min($0, $1) }
        // Excel, WPS and LibreOffice save merged cells to CSV as the value and then blanks.
        let fillsDown = file.pathExtension.lowercased() == "csv"
        var above: (category: String?, group: String?) = (nil, nil)
        for row in (header.row + 1)..<sheet.rows.count {
            let cells = sheet.rows[row]
            func cell(_ field: Field) -> SpreadsheetGrid.Cell? {
                guard let column = fieldColumns[field], column < cells.count else { return nil }
                return cells[column]
            }
            func value(_ field: Field) -> String? {
                let text = cell(field)?.text ?? ""
                return text.isEmpty ? nil : text
            }
            let place = "\(file.lastPathComponent):row \(row + 1)"
            // Empty padding rows, and group rows (one text merged across the row).
            let texts = cells.compactMap { $0?.text }.filter { !$0.isEmpty }
            if texts.count > 2 && Set(texts).count == 1 { continue }
            guard let problem = value(.problem) else { continue }
            // What no item can hold: control characters (a NUL from a damaged CSV) and a text
            // longer than an Excel cell (a 10 MB field).
            if let bad = cells.compactMap({ $0?.text }).first(where: Self.cannotBeImported) {
                report.problems.append("\(place): a cell \(bad.utf16.count > LedgerWorkbook.cellLimit ? "is longer than the 32,767 characters a cell holds" : "holds control characters (such as NUL)"): the file is damaged, or not a ledger")
                continue
            }
            var category = value(.category), group = value(.group)
            if fillsDown {
                var filled = false
                if category == nil, fieldColumns[.category] != nil, let previous = above.category { category = previous; filled = true }
                if group == nil, fieldColumns[.group] != nil, category == above.category, let previous = above.group { group = previous; filled = true }
                if filled { report.filledDown += 1 }
            }
            above = (category, group)
            // A sheet with a 所属方面 column files every row under one: a row without one is an
            // error, never an invented "未分类".
            if category == nil && fieldColumns[.category] != nil {
                report.problems.append("\(place): 所属方面 is empty (and no row above gives one): fill it in")
                continue
            }
            switch site.add(row: place, id: value(.id), category: category, group: group, title: problem,
                            measures: value(.measures), leader: value(.leader), departments: value(.department),
                            deadline: cell(.deadline), status: value(.status), progress: value(.progress), progressDate: cell(.progressDate),
                            updates: updates) {
            case .success: report.items += 1
            case .failure(let problem): report.problems.append("\(place): \(problem.reason)")
            }
        }
        report.unknownStatuses = site.unknownStatuses.sorted()
        guard report.problems.isEmpty || partial else { return report }
        report.written = try site.write(into: content, force: force)
        return report
    }

    private func readSheets() throws(RectifyError) -> [SpreadsheetGrid] {
        // Read with a limit: a ledger is a few megabytes; a bigger file is refused unread.
        let data: Data
        switch FileBytes.read(file.path, limit: SpreadsheetGrid.totalLimit) {
        case .success(let bytes): data = Data(bytes)
        case .failure(.tooLarge(let size)): throw .io(path: file.path, reason: "the file is \(size) bytes, over the limit of \(SpreadsheetGrid.totalLimit) bytes for a ledger")
        case .failure(.missing): throw .io(path: file.path, reason: "cannot read the file: it does not exist")
        case .failure(.unreadable(let reason)): throw .io(path: file.path, reason: "cannot read the file: \(reason)")
        }
        do {
            switch file.pathExtension.lowercased() {
            case "xlsx": return try SpreadsheetGrid.sheets(xlsx: data)
            case "csv": return [try SpreadsheetGrid.sheet(csv: data, name: file.lastPathComponent)]
            default: throw RectifyError.io(path: file.path, reason: "not an .xlsx or .csv file: save the ledger as an Excel workbook (.xlsx) or as \"CSV UTF-8\"")
            }
        } catch ImportFailure.tooLarge {
            throw .io(path: file.path, reason: "the workbook unpacks to more than \(SpreadsheetGrid.partLimit >> 20) MB per part, or its sheet to more than \(SpreadsheetGrid.maximumCells) cells: it is not a ledger Rectify can read (a damaged or crafted file)")
        } catch ImportFailure.badReference(let reference) {
            throw .io(path: file.path, reason: "the sheet names a cell \"\(reference)\" that is past Excel's 1,048,576 rows and 16,384 columns, or not a cell reference: the file is damaged")
        } catch ImportFailure.notUTF8 {
            throw .io(path: file.path, reason: "the CSV file is not UTF-8 (Excel's and WPS's plain \"CSV\" saves GBK): save it again as \"CSV UTF-8 (逗号分隔)\", or import the .xlsx file itself")
        } catch let error as RectifyError {
            throw error
        } catch {
            throw .io(path: file.path, reason: "cannot read it as a workbook: \(error)")
        }
    }

    /// A cell text no item may carry: longer than an Excel cell, or with control characters
    /// other than tab and line breaks.
    static func cannotBeImported(_ text: String) -> Bool {
        text.utf16.count > LedgerWorkbook.cellLimit
            || text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r") || $0.value == 0x7F }
    }

    /// The header: the row (or two rows) whose cells name the most known columns.
    struct Header {
        let firstRow: Int
        let row: Int
        let columns: [Int: Field]
        /// Each column's name as the sheet writes it (the lower row's, in a two-row header).
        let names: [Int: String]
    }

    static func header(in sheet: SpreadsheetGrid) -> Header? {
        var best: Header?
        for row in 0..<min(sheet.rows.count, 25) {
            // One row, or a row with the one below it (a two-row header: the lower names win).
            for rows in [[row], [row, row + 1]] where rows.last! < sheet.rows.count {
                var columns: [Int: Field] = [:]
                var names: [Int: String] = [:]
                for index in rows {
                    for (column, cell) in sheet.rows[index].enumerated() {
                        if let text = cell?.text, !text.isEmpty, index == row || Field.of(text) != nil || names[column] == nil { names[column] = text }
                        if let field = cell.flatMap({ Field.of($0.text) }), !columns.values.contains(field) || index > row { columns[column] = field }
                    }
                }
                let fields = Set(columns.values)
                guard fields.contains(.problem), fields.count >= 3 else { continue }
                if best.map({ Set($0.columns.values).count < fields.count }) ?? true {
                    best = Header(firstRow: row, row: rows.last!, columns: columns, names: names)
                }
            }
        }
        return best
    }

    /// The title: the first non-empty text above the header.
    static func title(of sheet: SpreadsheetGrid, above row: Int) -> String? {
        sheet.rows.prefix(row).lazy.compactMap { $0.compactMap { $0?.text }.first { !$0.isEmpty } }.first
    }

    /// Updates by item ID, from a sheet with 编号, 日期 and 进展 columns.
    static func updateSheet(_ sheet: SpreadsheetGrid) -> [String: [(date: SpreadsheetGrid.Cell?, status: String?, note: String)]]? {
        for row in 0..<min(sheet.rows.count, 10) {
            let fields = Dictionary(sheet.rows[row].enumerated().compactMap { column, cell in
                cell.flatMap { Field.of($0.text) }.map { ($0, column) }
            }) { first, _ in first }
            guard let id = fields[.id], let date = fields[.progressDate], let note = fields[.progress] else { continue }
            var updates: [String: [(date: SpreadsheetGrid.Cell?, status: String?, note: String)]] = [:]
            for cells in sheet.rows.dropFirst(row + 1) {
                func at(_ column: Int?) -> SpreadsheetGrid.Cell? { column.flatMap { $0 < cells.count ? cells[$0] : nil } }
                guard let key = at(id)?.text, !key.isEmpty, let text = at(note)?.text, !text.isEmpty else { continue }
                let status = at(fields[.status])?.text
                updates[key, default: []].append((at(date), status?.isEmpty == true ? nil : status, text))
            }
            return updates
        }
        return nil
    }
}

import CSV
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// A sheet as rows of cells, read from `.xlsx` (ZIPFoundation and Foundation's XML parser)
/// or `.csv` (CSV.swift). A merged range gives its value to every cell it covers, so a
/// 所属方面 merged down ten rows reads as ten rows that say it.
struct SpreadsheetGrid {
    enum Cell: Equatable {
        case text(String)
        case number(Double)

        var text: String {
            switch self {
            case .text(let text): return text.trimmingCharacters(in: .whitespacesAndNewlines)
            case .number(let number): return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
            }
        }
    }

    let name: String
    var rows: [[Cell?]]

    /// The most one part of a workbook may unpack to, and all parts together: a zip bomb
    /// stops at the limit with a message instead of taking the machine's memory.
    static let partLimit = 32 << 20
    static let totalLimit = 64 << 20
    /// Excel's own limits: a reference past them is an error, not a row to allocate.
    static let maximumRows = 1_048_576
    static let maximumColumns = 16_384
    /// The most cells a sheet's grid may hold, counting the blanks between them and what
    /// merged ranges fill in (a real ledger has a few hundred thousand at most).
    static let maximumCells = 2_000_000

    /// Every sheet of a workbook, in order.
    static func sheets(xlsx data: Data) throws -> [SpreadsheetGrid] {
        let archive = try Archive(data: data, accessMode: .read)
        var unpacked = 0
        func file(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            guard entry.uncompressedSize <= UInt64(partLimit) else { throw ImportFailure.tooLarge }
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                unpacked += chunk.count
                guard data.count + chunk.count <= partLimit, unpacked <= totalLimit else { throw ImportFailure.tooLarge }
                data.append(chunk)
            }
            return data
        }
        guard let workbook = try file("xl/workbook.xml") else { throw ImportFailure.notAWorkbook }
        let relations = try file("xl/_rels/workbook.xml.rels").map(XMLElements.parse) ?? []
        let targets = Dictionary(relations.filter { $0.name == "Relationship" }.compactMap { element in
            element.attributes["Id"].flatMap { id in element.attributes["Target"].map { (id, $0) } }
        }) { first, _ in first }
        let shared = try file("xl/sharedStrings.xml").map(SharedStrings.parse) ?? []
        var sheets: [SpreadsheetGrid] = []
        for sheet in try XMLElements.parse(workbook) where sheet.name == "sheet" {
            guard let name = sheet.attributes["name"], let id = sheet.attributes["r:id"], let target = targets[id] else { continue }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let xml = try file(path) else { continue }
            sheets.append(try SheetCells.parse(xml, name: name, shared: shared))
        }
        return sheets
    }

    /// A CSV file as one sheet. Only UTF-8 ("CSV UTF-8" in Excel and WPS) is read.
    static func sheet(csv data: Data, name: String) throws -> SpreadsheetGrid {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw ImportFailure.notUTF8 }
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        var rows: [[Cell?]] = []
        while let row = reader.next() { rows.append(row.map { $0.isEmpty ? nil : .text($0) }) }
        return SpreadsheetGrid(name: name, rows: rows)
    }
}

enum ImportFailure: Error {
    case notAWorkbook
    case notUTF8
    /// A part unpacks past `SpreadsheetGrid.partLimit`, or the grid past its cell limit.
    case tooLarge
    /// A cell reference past Excel's 1,048,576 rows or 16,384 columns, or malformed.
    case badReference(String)
}

/// Runs Foundation's XML parser over `data` with `delegate`, and returns the delegate. The
/// parser reads from a stream, in chunks: handed the whole of a sheet over 10 MB at once,
/// libxml2 stops at its lookup limit ("Code=1").
private func parseXML<Delegate: XMLParserDelegate>(_ data: Data, with delegate: Delegate) throws -> Delegate {
    let parser = XMLParser(stream: InputStream(data: data))
    parser.delegate = delegate
    guard parser.parse() else { throw parser.parserError ?? ImportFailure.notAWorkbook }
    return delegate
}

/// Elements with their attributes, flat, in document order.
private enum XMLElements {
    struct Element {
        let name: String
        let attributes: [String: String]
    }

    static func parse(_ data: Data) throws -> [Element] {
        try parseXML(data, with: Collector()).elements
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append(Element(name: name, attributes: attributes))
        }
    }
}

/// `xl/sharedStrings.xml`: each `<si>`'s text, runs of rich text joined.
private enum SharedStrings {
    static func parse(_ data: Data) throws -> [String] {
        try parseXML(data, with: Collector()).strings
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var strings: [String] = []
        var current = "", inText = false, inPhonetic = false
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "si": current = ""
            case "rPh": inPhonetic = true
            case "t": inText = !inPhonetic
            default: break
            }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "si": strings.append(current)
            case "rPh": inPhonetic = false
            case "t": inText = false
            default: break
            }
        }
    }
}

/// A worksheet's cells (shared, inline and formula strings, numbers, booleans) and merges.
private enum SheetCells {
    static func parse(_ data: Data, name: String, shared: [String]) throws -> SpreadsheetGrid {
        let delegate = try parseXML(data, with: Collector(shared: shared))
        if let bad = delegate.badReference { throw ImportFailure.badReference(bad) }
        // Cells are kept by position; the grid is allocated only as far as real cells reach.
        var cells: [Int: [Int: SpreadsheetGrid.Cell]] = [:]
        for (row, column, cell) in delegate.cells { cells[row, default: [:]][column] = cell }
        let lastRow = cells.keys.max() ?? -1
        let lastColumn = cells.values.compactMap { $0.keys.max() }.max() ?? -1
        // A merged range gives its value to the cells it covers, but only within the area the
        // cells themselves span: `A1:XFD1048576` over a small sheet fills a small sheet.
        var size = (lastRow + 1) * (lastColumn + 1)
        guard size <= SpreadsheetGrid.maximumCells else { throw ImportFailure.tooLarge }
        for range in delegate.merges {
            let top = min(range.first.row, range.last.row), bottom = min(max(range.first.row, range.last.row), lastRow)
            let left = min(range.first.column, range.last.column), right = min(max(range.first.column, range.last.column), lastColumn)
            guard top <= bottom, left <= right, let value = cells[top]?[left] else { continue }
            size += (bottom - top + 1) * (right - left + 1)
            guard size <= 4 * SpreadsheetGrid.maximumCells else { throw ImportFailure.tooLarge }
            for row in top...bottom {
                for column in left...right where cells[row]?[column] == nil { cells[row, default: [:]][column] = value }
            }
        }
        var rows: [[SpreadsheetGrid.Cell?]] = Array(repeating: [], count: lastRow + 1)
        for (row, line) in cells {
            var filled = [SpreadsheetGrid.Cell?](repeating: nil, count: (line.keys.max() ?? -1) + 1)
            for (column, cell) in line { filled[column] = cell }
            rows[row] = filled
        }
        return SpreadsheetGrid(name: name, rows: rows)
    }

    /// `B12` → (11, 1); nil past Excel's limits (`XFD1048576`) or malformed.
    static func position(_ reference: String) -> (row: Int, column: Int)? {
        var column = 0, row = 0, digits = 0
        for byte in reference.utf8 {
            switch byte {
            case 0x41...0x5A where digits == 0, 0x61...0x7A where digits == 0:
                column = column * 26 + Int((byte & 0xDF) - 64)
                guard column <= SpreadsheetGrid.maximumColumns else { return nil }
            case 0x30...0x39:
                row = row * 10 + Int(byte - 0x30)
                digits += 1
                guard row <= SpreadsheetGrid.maximumRows else { return nil }
            default:
                return nil
            }
        }
        guard column > 0, row > 0 else { return nil }
        return (row - 1, column - 1)
    }

    private final class Collector: NSObject, XMLParserDelegate {
        let shared: [String]
        var cells: [(Int, Int, SpreadsheetGrid.Cell)] = []
        var merges: [(first: (row: Int, column: Int), last: (row: Int, column: Int))] = []
        var reference: String?, type: String?, value = "", inline = "", inValue = false, inInline = false
        /// The first reference past Excel's limits, or malformed.
        var badReference: String?

        init(shared: [String]) { self.shared = shared }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "c": (reference, type, value, inline) = (attributes["r"], attributes["t"], "", "")
            case "v": inValue = true
            case "t": inInline = true
            case "mergeCell":
                let parts = (attributes["ref"] ?? "").split(separator: ":").map(String.init)
                if parts.count == 2, let first = SheetCells.position(parts[0]), let last = SheetCells.position(parts[1]) {
                    merges.append((first, last))
                } else if badReference == nil {
                    badReference = String((attributes["ref"] ?? "").prefix(40))
                }
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inValue { value += string } else if inInline { inline += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "v": inValue = false
            case "t": inInline = false
            case "c":
                guard let reference, let (row, column) = SheetCells.position(reference) else {
                    if badReference == nil, let reference { badReference = String(reference.prefix(40)) }
                    return
                }
                let cell: SpreadsheetGrid.Cell?
                switch type {
                case "s": cell = Int(value).flatMap { shared.indices.contains($0) ? .text(shared[$0]) : nil }
                case "inlineStr": cell = .text(inline)
                case "str", "e": cell = value.isEmpty ? nil : .text(value)
                case "b": cell = .text(value == "1" ? "TRUE" : "FALSE")
                default: cell = Double(value).map { .number($0) }
                }
                if let cell { cells.append((row, column, cell)) }
            default: break
            }
        }
    }
}

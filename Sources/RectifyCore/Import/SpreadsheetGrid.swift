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

    /// Every sheet of a workbook, in order.
    static func sheets(xlsx data: Data) throws -> [SpreadsheetGrid] {
        let archive = try Archive(data: data, accessMode: .read)
        func file(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
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
}

/// Runs Foundation's XML parser over `data` with `delegate`, and returns the delegate.
private func parseXML<Delegate: XMLParserDelegate>(_ data: Data, with delegate: Delegate) throws -> Delegate {
    let parser = XMLParser(data: data)
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
        var rows: [[SpreadsheetGrid.Cell?]] = []
        func set(_ row: Int, _ column: Int, _ cell: SpreadsheetGrid.Cell?) {
            while rows.count <= row { rows.append([]) }
            while rows[row].count <= column { rows[row].append(nil) }
            rows[row][column] = cell
        }
        for (row, column, cell) in delegate.cells { set(row, column, cell) }
        for range in delegate.merges {
            let value = range.first.row < rows.count && range.first.column < rows[range.first.row].count ? rows[range.first.row][range.first.column] : nil
            for row in range.first.row...range.last.row {
                for column in range.first.column...range.last.column { set(row, column, value) }
            }
        }
        return SpreadsheetGrid(name: name, rows: rows)
    }

    /// `B12` → (11, 1).
    static func position(_ reference: String) -> (row: Int, column: Int)? {
        var column = 0, digits = ""
        for character in reference.uppercased() {
            if let ascii = character.asciiValue, (65...90).contains(ascii), digits.isEmpty {
                column = column * 26 + Int(ascii - 64)
            } else if character.isNumber {
                digits.append(character)
            } else {
                return nil
            }
        }
        guard column > 0, let row = Int(digits), row > 0 else { return nil }
        return (row - 1, column - 1)
    }

    private final class Collector: NSObject, XMLParserDelegate {
        let shared: [String]
        var cells: [(Int, Int, SpreadsheetGrid.Cell)] = []
        var merges: [(first: (row: Int, column: Int), last: (row: Int, column: Int))] = []
        var reference: String?, type: String?, value = "", inline = "", inValue = false, inInline = false

        init(shared: [String]) { self.shared = shared }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "c": (reference, type, value, inline) = (attributes["r"], attributes["t"], "", "")
            case "v": inValue = true
            case "t": inInline = true
            case "mergeCell":
                let parts = (attributes["ref"] ?? "").split(separator: ":").map(String.init)
                if parts.count == 2, let first = SheetCells.position(parts[0]), let last = SheetCells.position(parts[1]) { merges.append((first, last)) }
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
                guard let reference, let (row, column) = SheetCells.position(reference) else { return }
                let cell: SpreadsheetGrid.Cell?
                switch type {
                case "s": cell = Int(value).flatMap { $0 < shared.count ? .text(shared[$0]) : nil }
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

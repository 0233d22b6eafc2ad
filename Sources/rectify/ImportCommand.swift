import ArgumentParser
import Foundation
import RectifyCore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn an Excel or CSV ledger (整改台账) into a content folder: site.yml and one items/<id>.md per row.")

    @Argument(help: "The ledger: an .xlsx workbook, or a .csv file saved as \"CSV UTF-8\".")
    var file: String

    @Option(help: "The content folder to write (created if missing).")
    var content = "content"

    @Flag(help: "Write the rows that import even if others do not.")
    var partial = false

    @Flag(help: "Replace content files that already exist.")
    var force = false

    /// The content folder must be named, and be a folder or nothing yet.
    func validate() throws {
        guard !content.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("--content is empty: name the content folder to write, e.g. --content content")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: content, isDirectory: &isFolder), !isFolder.boolValue {
            throw ValidationError("--content \(content) is a file, not a folder: name a folder to write the content into")
        }
    }

    func run() throws {
        var importer = LedgerImport(file: URL(fileURLWithPath: file), content: URL(fileURLWithPath: content, isDirectory: true))
        importer.partial = partial
        importer.force = force
        let report = try Console.run(Messages(nil)) { () throws(RectifyError) in try importer.run() }
        print("Columns read: \(report.mapped.joined(separator: ", "))")
        if !report.ignored.isEmpty { print("Columns left out: \(report.ignored.joined(separator: ", "))") }
        if !report.unknownStatuses.isEmpty { print("Status words not understood: \(report.unknownStatuses.joined(separator: ", "))") }
        for problem in report.problems { Console.error(problem) }
        if report.written.isEmpty {
            Console.error("\(report.problems.count) row\(report.problems.count == 1 ? "" : "s") could not be imported; nothing was written (--partial writes the others).")
            throw ExitCode.failure
        }
        print("Imported \(report.items) items into \(content)/: \(report.written.count) files. Next: rectify check --content \(content)")
    }
}

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

    @Option(help: "The language of the report: zh-CN (the default) or en.")
    var lang = "zh-CN"

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
        let messages = Messages(lang)
        let report = try Console.run(messages) { () throws(RectifyError) in try importer.run() }
        print(messages.importColumnsRead(report.mapped))
        if !report.ignored.isEmpty { print(messages.importColumnsLeftOut(report.ignored)) }
        if !report.unknownStatuses.isEmpty { print(messages.importUnknownStatuses(report.unknownStatuses)) }
        if report.filledDown > 0 { print(messages.importFilledDown(report.filledDown)) }
        for problem in report.problems { Console.error(problem) }
        if report.written.isEmpty {
            Console.error(messages.importNothingWritten(report.problems.count))
            throw ExitCode.failure
        }
        print(messages.importDone(items: report.items, files: report.written.count, content: content))
    }
}

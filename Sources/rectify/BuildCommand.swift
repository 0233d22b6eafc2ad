import ArgumentParser
import Foundation
import RectifyCore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render the content folder into a static site.")

    @OptionGroup var site: SiteOptions

    @Option(help: "The output folder (default: public, or public-edition for --edition public). It is replaced as a whole, and only once the build has succeeded.")
    var output: String?

    @Option(name: .customLong("as-of"), help: "The date the site reports against, YYYY-MM-DD (default: today).")
    var asOf: Day?

    @Option(name: .customLong("changes-since"), help: "The git revision the changes page compares with (default: the newest tag before HEAD).")
    var changesSince: String?

    @Flag(help: "Also print print/ and ledger/ to print.pdf and ledger.pdf with an installed Chromium.")
    var pdf = false

    @Flag(help: "Build even if nothing changed since the last build (by default such a build stops at once and leaves the output as it is).")
    var force = false

    @Flag(name: .customLong("force-output"), help: "Replace the output folder even though Rectify did not build it (never the content, theme, current or home folder). Check first that nothing in it is needed.")
    var forceOutput = false

    @Flag(name: .customLong("no-search"), help: "Leave out the search index (by default Pagefind indexes the site when it is installed).")
    var noSearch = false

    @Flag(help: "Render on one thread only: slower, for checking that the parallel build gives the same files.")
    var serial = false

    @Flag(name: .shortAndLong, help: "Print each build step with its time.")
    var verbose = false

    func run() throws {
        let output = self.output ?? (site.edition == .public ? "public-edition" : "public")
        var options = site.buildOptions(output: URL(fileURLWithPath: output, isDirectory: true), asOf: asOf)
        options.outputDisplay = output
        options.forceOutput = forceOutput
        options.pdf = pdf
        options.searchIndex = !noSearch
        options.changesSince = changesSince
        options.reuseUnchangedOutput = !force
        options.serial = serial
        let builder = SiteBuilder(options: options)
        let report = try Console.run(site.messages) { () throws(RectifyError) in try builder.build() }
        for warning in report.warnings.sorted() { Console.error(warning.described(in: site.messages)) }
        for warning in report.earlierWarnings { Console.error(warning) }
        for note in report.notes { Console.error(site.messages.noteMark + note) }
        if verbose {
            for timing in report.timings {
                print("  \(timing.name): \(timing.duration.milliseconds) ms (CPU \(timing.cpu.milliseconds) ms, peak \(timing.peakMemory >> 20) MiB, now \(timing.memory >> 20) MiB)")
            }
        }
        if report.upToDate {
            print("Up to date: \(output)/ was built from these same files and options, and is unchanged (--force rebuilds it).")
            return
        }
        let pdfs = report.pdfs.isEmpty ? "" : " PDFs: \(report.pdfs.joined(separator: ", "))."
        print("Built \(report.items) items into \(output)/: \(report.pages) pages, \(report.filesWritten) files.\(pdfs)")
    }
}

import ArgumentParser
import Foundation
import RectifyCore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render the content folder into a static site.")

    @OptionGroup var site: SiteOptions

    @Option(help: "The output folder. It is replaced as a whole, and only once the build has succeeded.")
    var output = "public"

    @Option(name: .customLong("as-of"), help: "The date the site reports against, YYYY-MM-DD (default: today).")
    var asOf: Day?

    @Flag(name: .shortAndLong, help: "Print each build step with its time.")
    var verbose = false

    func run() throws {
        var options = BuildOptions(
            contentDirectory: site.contentURL, contentDisplay: site.content, themeDirectory: site.themeURL,
            outputDirectory: URL(fileURLWithPath: output, isDirectory: true), asOf: asOf ?? .today())
        options.workerExecutable = currentExecutable
        options.renderTimeout = site.renderTimeout
        let builder = SiteBuilder(options: options)
        let report = try Console.run { () throws(RectifyError) in try builder.build() }
        for warning in report.warnings.sorted() { Console.error(warning.description) }
        if verbose {
            for timing in report.timings { print("  \(timing.name): \(timing.duration.milliseconds) ms") }
        }
        print("Built \(report.items) items into \(output)/: \(report.pages) pages, \(report.filesWritten) files.")
    }
}

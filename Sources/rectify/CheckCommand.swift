import ArgumentParser
import Foundation
import RectifyCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the content as build would, check links and freshness, and write nothing.")

    @OptionGroup var site: SiteOptions

    @Option(name: .customLong("as-of"), help: "The date to measure staleness against, YYYY-MM-DD (default: today).")
    var asOf: Day?

    @Flag(help: "Count warnings as errors.")
    var strict = false

    func run() throws {
        let diagnostics = SiteBuilder.check(options: site.buildOptions(asOf: asOf))
        for diagnostic in diagnostics { print(diagnostic.description) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        print(site.messages.checkSummary(site.content, errors: errors, warnings: warnings, strict: strict))
        if errors > 0 || (strict && warnings > 0) { throw ExitCode.failure }
    }
}

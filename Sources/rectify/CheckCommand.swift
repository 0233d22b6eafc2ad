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
        let (diagnostics, withheld) = SiteBuilder.checkEdition(options: site.buildOptions(asOf: asOf))
        for diagnostic in diagnostics { print(diagnostic.described(in: site.messages)) }
        if site.edition == .public {
            // What the public edition leaves out, item by item, to read before publishing.
            let messages = site.messages
            for part in withheld {
                let place = part.line.map { "\(part.file):\($0)" } ?? part.file
                print("\(place): \(messages.withheld(part))")
            }
            let items = withheld.filter { $0.kind == .item }.count
            print(messages.withheldSummary(items: items, parts: withheld.count - items))
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        print(site.messages.checkSummary(site.content, errors: errors, warnings: warnings, strict: strict))
        if errors > 0 || (strict && warnings > 0) { throw ExitCode.failure }
    }
}

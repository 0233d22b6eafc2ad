import ArgumentParser
import Foundation
import RectifyCore

/// Options shared by the subcommands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(help: "The content folder: site.yml, items/, pages/, files/, templates/.")
    var content = "content"

    @Option(help: "The theme folder: templates/, i18n/, static/.")
    var theme = "theme"

    @Option(name: .customLong("render-timeout"), help: "Seconds one Markdown file may take to render before it is stopped and reported.")
    var renderTimeout: Double = 2

    /// Build options for this site, rendering Markdown in worker processes of this program.
    func buildOptions(output: URL = FileManager.default.temporaryDirectory, asOf: Day?) -> BuildOptions {
        var options = BuildOptions(
            contentDirectory: URL(fileURLWithPath: content, isDirectory: true), contentDisplay: content,
            themeDirectory: URL(fileURLWithPath: theme, isDirectory: true), outputDirectory: output, asOf: asOf ?? .today())
        options.workerExecutable = currentExecutable
        options.renderTimeout = renderTimeout
        return options
    }
}

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// This program, started again as `rectify render-worker` to render Markdown.
let currentExecutable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()

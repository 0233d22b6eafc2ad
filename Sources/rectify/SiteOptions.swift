import ArgumentParser
import Foundation
import RectifyCore

/// Options shared by the subcommands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(help: "The content folder: site.yml, items/, pages/, files/, templates/.")
    var content = "content"

    @Option(help: "The theme folder: templates/, i18n/, static/.")
    var theme = "theme"

    var contentURL: URL { URL(fileURLWithPath: content, isDirectory: true) }
    var themeURL: URL { URL(fileURLWithPath: theme, isDirectory: true) }
}

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

import ArgumentParser
import Foundation
import RectifyCore

/// Options shared by the subcommands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(help: "The content folder: site.yml, items/, pages/, files/, templates/.")
    var content = "content"

    @Option(name: .customLong("theme"), help: "The theme folder: templates/, i18n/, static/ (default: theme/ here, else the theme beside the rectify program, as in the offline bundle).")
    var themeOption: String?

    /// `--theme`; else `theme` in the current folder; else the theme the bundle carries
    /// beside the executable (`rectify-<version>-linux-x86_64/theme`).
    var theme: String {
        if let themeOption { return themeOption }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: "theme", isDirectory: &isFolder), isFolder.boolValue { return "theme" }
        let bundled = currentExecutable.deletingLastPathComponent().appending(path: "theme").path
        if FileManager.default.fileExists(atPath: bundled, isDirectory: &isFolder), isFolder.boolValue { return bundled }
        return "theme"
    }

    @Option(name: .customLong("lang"), help: "The language of the messages about the content, zh-CN or en (default: the site's language).")
    var messageLanguage: String?

    @Option(help: "internal (the full site, the default) or public (整改情况公开: leaves out what the content marks internal; see docs/public-edition.md).")
    var edition: Edition = .internal

    @Option(name: .customLong("render-timeout"), help: "Seconds one Markdown file may take to render before it is stopped and reported.")
    var renderTimeout: Double = 2

    /// A site folder holds `content/site.yml`; without one, say what a site folder is.
    func validate() throws {
        // A time limit must be a number of seconds that can pass: not nan, inf, 0 or less.
        guard renderTimeout.isFinite, renderTimeout >= 0.1, renderTimeout <= 3600 else {
            throw ValidationError("--render-timeout \(renderTimeout): give the seconds one Markdown file may take, from 0.1 to 3600 (default 2)")
        }
        var isFolder: ObjCBool = false
        let siteFile = (content as NSString).appendingPathComponent("site.yml")
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isFolder), isFolder.boolValue,
              FileManager.default.fileExists(atPath: siteFile) || FileManager.default.fileExists(atPath: (content as NSString).appendingPathComponent("items")) else {
            throw ValidationError("""
                no site here: "\(content)/site.yml" was not found.
                A site folder holds content/ (site.yml with the site's settings, and items/ with one Markdown file per problem) and theme/.
                Run rectify in that folder, or name the folders: rectify build --content path/to/content --theme path/to/theme
                """)
        }
        guard FileManager.default.fileExists(atPath: theme, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("no theme here: the folder \"\(theme)\" was not found; name it with --theme path/to/theme")
        }
    }

    /// The words of the messages: `--lang`, else the `language:` of the site's `site.yml`.
    var messages: Messages {
        Messages.forSite(URL(fileURLWithPath: content, isDirectory: true), override: messageLanguage)
    }

    /// Build options for this site, rendering Markdown in worker processes of this program.
    func buildOptions(output: URL = FileManager.default.temporaryDirectory, asOf: Day?) -> BuildOptions {
        var options = BuildOptions(
            contentDirectory: URL(fileURLWithPath: content, isDirectory: true), contentDisplay: content,
            themeDirectory: URL(fileURLWithPath: theme, isDirectory: true), outputDirectory: output, asOf: asOf ?? .today())
        options.workerExecutable = currentExecutable
        options.renderTimeout = renderTimeout
        options.messageLanguage = messageLanguage
        options.edition = edition
        return options
    }
}

extension Edition: ExpressibleByArgument {}

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// This program, started again as `rectify render-worker` to render Markdown.
let currentExecutable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()

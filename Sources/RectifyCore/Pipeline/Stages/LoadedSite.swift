import Foundation
import RectifyFrontMatter
import RectifyTheme

/// The first stage's output: everything read from disk and git, checked, nothing rendered.
struct LoadedSite {
    let theme: Theme
    let labels: Labels
    /// The date the site reports against.
    let asOf: Day
    let content: Content
    /// The Markdown bodies of items and pages, apart from the model.
    let markdown: MarkdownSources
    /// When each content file last changed, from git (empty without git).
    let lastChanged: [String: Day]
    /// What changed since the previous publication, when git has a baseline.
    let changes: ChangeSummary?
    /// Warnings found while loading (unknown keys, contradictions, templates without plans).
    let warnings: [Diagnostic]
    /// Variables a template uses that its view does not have, as warnings (`check` makes
    /// them errors).
    let templateVariables: [Diagnostic]
    /// The words of the messages: `--lang`, else the site's language.
    let messages: Messages
    /// The public edition: what it left out, and the pages of the items it left out.
    var withheld: [WithheldPart] = []
    var withheldPages: Set<String> = []

    /// Loads theme, content and git history, each a timed step.
    static func load(_ options: BuildOptions, clock: StepClock) throws(RectifyError) -> LoadedSite {
        let theme = try clock.step("load theme") { () throws(RectifyError) in try loadTheme(options) }
        var (content, contentWarnings, markdown, labels) = try clock.step("load content") { () throws(RectifyError) in try loadContent(options) }
        // The data checks read the full content: facts are found on the full item, then
        // published (an internal completion update is still a completion).
        let full = content
        var edition: PublicEdition?
        if options.edition == .public {
            let made = clock.step("make the public edition") { PublicEdition(content, markdown: markdown, labels: labels, siteFile: options.contentDisplay + "/site.yml") }
            (content, markdown, edition) = (made.content, made.markdown, made)
        }
        let (lastChanged, changes) = try clock.step("read git history") { () throws(RectifyError) in try readGitHistory(options, content: content) }
        let (blockers, variables) = clock.step("check templates") {
            (TemplateProblems.planBlockers(theme, planned: options.reuseRenderPlans), TemplateProblems.unknownVariables(theme, labels: labels))
        }
        let messages = Messages(options.messageLanguage ?? content.config.language)
        let contradictions = clock.step("check data") { ContentContradictions.of(full, asOf: options.asOf, messages: messages) }
        var site = LoadedSite(theme: theme, labels: labels, asOf: options.asOf, content: content, markdown: markdown, lastChanged: lastChanged,
                              changes: changes, warnings: contentWarnings + contradictions + blockers + LongCells.of(content, messages: messages),
                              templateVariables: variables, messages: messages)
        site.withheld = edition?.withheld ?? []
        site.withheldPages = edition?.withheldPages ?? []
        return site
    }

    private static func loadTheme(_ options: BuildOptions) throws(RectifyError) -> Theme {
        do {
            return try Theme(
                directory: options.themeDirectory,
                overrides: options.contentDirectory.appending(path: "templates", directoryHint: .isDirectory),
                required: SiteBuilder.requiredTemplates,
                reusePlans: options.reuseRenderPlans)
        } catch {
            throw .invalidContent([Diagnostic(file: error.file, line: error.line, message: error.message)])
        }
    }

    private static func loadContent(_ options: BuildOptions) throws(RectifyError) -> (Content, [Diagnostic], MarkdownSources, Labels) {
        var loader = ContentLoader(
            directory: options.contentDirectory, displayRoot: options.contentDisplay,
            languages: Labels.languages(in: options.themeDirectory))
        loader.messageLanguage = options.messageLanguage
        loader.publicEdition = options.edition == .public
        let (content, warnings, markdown) = try loader.load()
        let labels = try Labels.load(language: content.config.language, theme: options.themeDirectory)
        return (content, warnings, markdown, labels)
    }

    /// Dates from git history, and the changes since the previous publication. Without git
    /// (or outside a repository) the site is the same, minus those.
    private static func readGitHistory(_ options: BuildOptions, content: Content) throws(RectifyError) -> ([String: Day], ChangeSummary?) {
        let git = GitHistory(directory: options.contentDirectory)
        // Only the dates of the files published: a left-out item's file date goes nowhere. The
        // public edition shows none: a commit that changed only an item's internal parts (an
        // internal update, a marked section) would date the hidden change.
        let published = Set(content.items.map(\.source.relativePath))
        let lastChanged = options.edition == .public ? [:] : git.lastChanged().filter { published.contains($0.key) }
        guard let baseline = git.baseline(options.changesSince) else {
            if let requested = options.changesSince {
                throw .io(path: options.contentDisplay, reason: "--changes-since: git cannot find revision \"\(requested)\"")
            }
            return (lastChanged, nil)
        }
        let log = DiagnosticLog()
        let before = git.items(at: baseline.commit).sorted { $0.key < $1.key }.compactMap { path, text -> Item? in
            guard let document = try? MarkdownDocument(parsing: text),
                  let item = Item.load(document, file: path, relativePath: path, config: content.config, log: log) else { return nil }
            // The baseline as the same edition showed it, so the changes page compares like with like.
            return options.edition == .public ? PublicEdition.published(item, config: content.config) : item
        }
        return (lastChanged, ChangeSummary(baseline: baseline.name, before: before, now: content.items, config: content.config))
    }
}

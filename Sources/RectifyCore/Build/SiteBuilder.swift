import Foundation
import RectifyMarkdown
import RectifyTheme

/// Builds a site: content folder in, output folder out; or checks it, writing nothing.
///
/// The build is the list of named steps in `steps`, run in order and timed.
/// Nothing touches the output folder until the last step swaps the new site in.
public final class SiteBuilder {
    /// Templates a theme must provide.
    public static let requiredTemplates = ["home", "category", "status", "item", "page", "ledger", "departments", "department", "updates", "feed", "print", "changes",
                                            "partials/item-row", "partials/ledger-row", "partials/print-item", "partials/update-row", "partials/feed-entry", "partials/item-entry"]

    /// `build` writes the site; `check` runs the same steps into a dry-run output and
    /// treats broken links and stale items as problems to report.
    enum Mode {
        case build
        case check
    }

    private(set) var options: BuildOptions
    let mode: Mode
    var state = BuildState()

    public convenience init(options: BuildOptions) {
        self.init(options: options, mode: .build)
    }

    init(options: BuildOptions, mode: Mode) {
        self.options = options
        self.mode = mode
    }

    /// The build, step by step.
    var steps: [BuildStep] {
        let writing: [BuildStep] = [
            .init("render and write items", writeItems),
            .init("render list rows", renderRows),
            .init("write index pages", writeIndexPages),
            .init("write free pages", writeFreePages),
            .init("write exports", writeExports),
            .init("copy theme static files", copyStaticFiles),
            .init("copy attachments", copyAttachments),
            .init("write sitemap", writeSitemap),
            .init("check links", checkLinks),
        ]
        switch mode {
        case .build:
            return [.init("check output folder", checkOutputFolder), .init("check build cache", checkCache), .init("load theme", loadTheme), .init("load content", loadContent),
                    .init("read git history", readGitHistory), .init("check templates", checkTemplates), .init("render page Markdown", prepareViews), .init("open output", openOutput)]
                + writing + [.init("print PDFs", printPDFs), .init("publish output", publish), .init("save build cache", saveCache)]
        case .check:
            return [.init("load theme", loadTheme), .init("load content", loadContent), .init("check templates", checkTemplates), .init("render page Markdown", prepareViews),
                    .init("open dry-run output", openDryRun)] + writing + [.init("check for stale items", checkStaleItems)]
        }
    }

    /// Refuses an output folder that a build must not replace (`OutputGuard`), before any
    /// other work; follows a symbolic link to the folder it names.
    func checkOutputFolder() throws(RectifyError) {
        guard !options.inMemory else { return }
        let guardRule = OutputGuard(
            content: options.contentDirectory, theme: options.themeDirectory,
            currentDirectory: FileManager.default.currentDirectoryPath,
            home: ProcessInfo.processInfo.environment["HOME"], force: options.forceOutput)
        options.outputDirectory = try guardRule.check(options.outputDirectory, as: options.outputDisplay ?? options.outputDirectory.path)
    }

    /// The site's files, by path, after a build with `inMemory`.
    public var files: [String: Data]? {
        (state.writer as? MemoryOutput)?.contents
    }

    /// Runs every step; `progress` is told each step's name as it starts.
    public func build(progress: (String) -> Void = { _ in }) throws(RectifyError) -> BuildReport {
        try run(progress: progress)
    }

    func run(progress: (String) -> Void) throws(RectifyError) -> BuildReport {
        let clock = ContinuousClock()
        defer { state.staging?.abandon() }
        for step in steps where !state.report.upToDate {
            progress(step.name)
            let started = clock.now
            try step.run()
            state.report.timings.append(.init(name: step.name, duration: clock.now - started))
        }
        return state.report
    }
}

/// One named step of the build.
struct BuildStep {
    let name: String
    let run: () throws(RectifyError) -> Void

    init(_ name: String, _ run: @escaping () throws(RectifyError) -> Void) {
        self.name = name
        self.run = run
    }
}

/// What the steps hand to each other.
struct BuildState {
    var theme: Theme?
    var labels: Labels?
    var content: Content?
    var views: SiteViews?
    /// Renders Markdown: worker processes, kept for the whole build.
    var renderer: (any MarkdownRendering)?
    /// Markdown that could not be rendered; the build fails once every item was tried.
    var renderFailures: [Diagnostic] = []
    /// The rows of the long lists, rendered once for every page that lists them.
    var rows = RenderedRows()
    /// Where pages go; the staging folder when building.
    var writer: (any OutputSink)?
    var staging: OutputWriter?
    /// The Markdown of items and pages; each item's is dropped once rendered.
    var markdown = MarkdownSources(items: [], pages: [])
    /// Links found in Markdown, for the link check: the file, the page it becomes, and each
    /// link with its line in the file.
    var links: [(file: String, page: String, links: [RenderedMarkdown.Link])] = []
    /// The element IDs of each HTML page written, for checking `#fragment` links.
    var anchors: [String: Set<String>] = [:]
    /// From git: when each content file last changed, and what changed since the baseline.
    var lastChanged: [String: Day] = [:]
    var changes: ChangeSummary?
    var report = BuildReport()
    /// The fingerprint of this build's inputs, for the build cache.
    var inputs: String?
}

import Foundation
import RectifyMarkdown
import RectifyTheme

/// Builds a site, or checks it, as a pipeline of typed stages, like a compiler:
///
/// 1. **load** (`LoadedSite.load`): theme, content and git history are read and validated;
/// 2. **prepare** (`PreparedSite.prepare`): the views every template sees, the free pages'
///    Markdown rendered;
/// 3. **write** (`SiteWriter`): every page rendered into an output: the staging folder
///    beside `public/` (`build`), memory (`serve`), or nowhere (`check`);
/// 4. then, for `build`, the link check, the PDFs, the swap into place and the build cache.
///
/// Each stage takes the previous one's value; each step is named and timed (`-v`). Nothing
/// touches the output folder until the swap.
public final class SiteBuilder {
    /// Templates a theme must provide.
    public static let requiredTemplates = ["home", "category", "status", "item", "page", "ledger", "departments", "department", "updates", "feed", "print", "changes", "search",
                                            "partials/item-row", "partials/ledger-row", "partials/print-item", "partials/update-row", "partials/feed-entry", "partials/item-entry"]

    let options: BuildOptions
    /// After a successful build: its views and theme, for `serve`'s fast path.
    private var finished: (views: SiteViews, theme: Theme)?
    /// After an `inMemory` build: its files.
    private var memory: MemoryOutput?

    public init(options: BuildOptions) {
        self.options = options
    }

    /// The site's files, by path, after a build with `inMemory`.
    public var files: [String: Data]? { memory?.contents }

    /// After a successful build: what `serve` needs to re-render a single item page.
    public var itemPageRefresh: ItemPageRefresh? {
        // The fast path re-reads one item file as it is: never for the public edition.
        guard options.edition == .internal else { return nil }
        return finished.map { ItemPageRefresh(views: $0.views, theme: $0.theme, options: options) }
    }

    /// Builds the site; `progress` is told each step's name as it starts.
    public func build(progress: @escaping (String) -> Void = { _ in }) throws(RectifyError) -> BuildReport {
        let clock = StepClock(progress: progress)
        var options = self.options
        var cache: CacheState?
        if !options.inMemory {
            let (rule, output, named) = OutputGuard.forBuild(options)
            let checked = try clock.step("check output folder") { () throws(RectifyError) in try rule.check(output, as: named) }
            options.outputDirectory = checked
            let state = clock.step("check build cache") { CacheState.read(options) }
            if let earlier = state.earlierWarnings { return clock.upToDateReport(earlierWarnings: earlier) }
            cache = state
        }
        let site = try LoadedSite.load(options, clock: clock)
        let renderer = Self.renderer(for: options)
        // Found before the pages are written: without an index, they get no search box.
        let indexer = options.searchIndex && !options.inMemory ? SearchIndexer.find() : nil
        let prepared = clock.step("render page Markdown") { PreparedSite.prepare(site, renderer: renderer, hasSearch: indexer != nil) }
        let output = try clock.step("open output") { () throws(RectifyError) in try BuildOutput.open(options) }
        defer { output.abandon() }
        let written = try Self.write(prepared, into: output.sink, renderer: renderer, options: options, clock: clock)
        var report = BuildReport()
        report.items = site.content.items.count
        report.pages = written.pages
        let linkSeverity: Diagnostic.Severity = options.edition == .public ? .error : .warning
        let links = clock.step("check links") { LinkProblems.of(written, severity: linkSeverity, messages: site.messages, withheld: site.withheldPages) }
        if options.edition == .public && !links.isEmpty { throw .invalidContent(links) }
        report.warnings = site.warnings + site.templateVariables + links
        switch output {
        case .memory(let files):
            memory = files
            report.filesWritten = files.filesWritten
        case .staging(let staging):
            if options.searchIndex {
                report.notes += try clock.step("index for search") { () throws(RectifyError) -> [String] in
                    guard let indexer else {
                        return [site.messages.searchLeftOut()]
                    }
                    try indexer.index(staging.staging)
                    staging.noteFiles(["pagefind"])
                    return []
                }
            }
            if options.pdf {
                let (pdfs, notes) = try clock.step("print PDFs") { () throws(RectifyError) in try PDFPrinter.printDocuments(in: staging.staging) }
                report.pdfs = pdfs
                report.notes += notes
                staging.noteFiles(pdfs)
            }
            report.filesWritten = staging.filesWritten
            try clock.step("publish output") { () throws(RectifyError) in try staging.publish() }
            let warnings = report.warnings
            clock.step("save build cache") { cache?.save(warnings: warnings, written: staging.writtenFiles, options: options) }
        }
        report.timings = clock.timings
        finished = (prepared.views, site.theme)
        return report
    }

    /// Checks a content folder as `build` would, and writes nothing: load, prepare, write into
    /// nowhere, then the checks. Returns every problem, sorted; broken links and template
    /// variables no view has are errors, stale items warnings.
    public static func check(options: BuildOptions) -> [Diagnostic] {
        checkEdition(options: options).problems
    }

    /// `check`, and for the public edition also what it leaves out, item by item.
    public static func checkEdition(options: BuildOptions) -> (problems: [Diagnostic], withheld: [WithheldPart]) {
        let clock = StepClock()
        let site: LoadedSite
        do {
            site = try LoadedSite.load(options, clock: clock)
        } catch .invalidContent(let diagnostics) {
            return (diagnostics.sorted(), [])
        } catch {
            return ([Diagnostic(file: options.contentDisplay, line: nil, message: error.description)], [])
        }
        return (checkLoaded(site, options: options), site.withheld)
    }

    private static func checkLoaded(_ site: LoadedSite, options: BuildOptions) -> [Diagnostic] {
        let clock = StepClock()
        let found = site.warnings + site.templateVariables.map { Diagnostic(file: $0.file, line: $0.line, message: $0.message) }
        let renderer = renderer(for: options)
        let prepared = PreparedSite.prepare(site, renderer: renderer, hasSearch: false)
        do {
            let written = try write(prepared, into: DryRunOutput(), renderer: renderer, options: options, clock: clock)
            return (found + LinkProblems.of(written, severity: .error, messages: site.messages, withheld: site.withheldPages)
                    + StaleItems.of(site.content, asOf: options.asOf, messages: site.messages)).sorted()
        } catch .invalidContent(let diagnostics) {
            return (found + diagnostics).sorted()
        } catch {
            return (found + [Diagnostic(file: options.contentDisplay, line: nil, message: error.description)]).sorted()
        }
    }

    /// The write stage, step by step.
    static func write(_ prepared: PreparedSite, into sink: any OutputSink, renderer: any MarkdownRendering,
                      options: BuildOptions, clock: StepClock) throws(RectifyError) -> RenderedSite {
        let writer = SiteWriter(prepared, into: sink, renderer: renderer, options: options)
        // The exports need no rendered page: they are made on a thread of their own while
        // the items are rendered, in the time the items' steps leave a core idle.
        let exports = BackgroundWork(serial: options.serial) { () throws(RectifyError) in try writer.writeExports() }
        let items = Result { () throws(RectifyError) in
            try clock.step("render and write items") { () throws(RectifyError) in try writer.writeItems() }
        }
        let exported = Result { () throws(RectifyError) in
            try clock.step("write exports (beside the items)") { () throws(RectifyError) in try exports.wait() }
        }
        try items.get()
        writer.recordFiles(try exported.get())
        do {
            let rows = try clock.step("render list rows") { () throws(RectifyError) in try writer.renderRows() }
            try clock.step("write index pages") { () throws(RectifyError) in try writer.writeIndexPages(rows) }
        }
        try clock.step("write free pages") { () throws(RectifyError) in try writer.writeFreePages() }
        try clock.step("copy theme static files") { () throws(RectifyError) in try writer.copyStaticFiles() }
        try clock.step("copy attachments") { () throws(RectifyError) in try writer.copyAttachments() }
        try clock.step("write sitemap") { () throws(RectifyError) in try writer.writeSitemap() }
        return writer.result
    }

    /// Worker processes when the build has an executable to start, otherwise this process.
    static func renderer(for options: BuildOptions) -> any MarkdownRendering {
        guard let executable = options.workerExecutable else { return MarkdownRenderer() }
        return ProcessRenderPool(command: executable, limits: RenderLimits(timeout: options.renderTimeout))
    }
}

/// Where a build writes: the staging folder that is swapped into place, or memory (`serve`).
enum BuildOutput {
    case staging(OutputWriter)
    case memory(MemoryOutput)

    static func open(_ options: BuildOptions) throws(RectifyError) -> BuildOutput {
        options.inMemory ? .memory(MemoryOutput()) : .staging(try OutputWriter(output: options.outputDirectory, edition: options.edition))
    }

    var sink: any OutputSink {
        switch self {
        case .staging(let writer): return writer
        case .memory(let memory): return memory
        }
    }

    /// Removes the staging folder of a build that did not finish (nothing once published).
    func abandon() {
        if case .staging(let writer) = self { writer.abandon() }
    }
}

/// Times each named step and tells `progress` as it starts.
final class StepClock {
    private(set) var timings: [BuildReport.StepTiming] = []
    private let progress: (String) -> Void
    private let clock = ContinuousClock()

    init(progress: @escaping (String) -> Void = { _ in }) {
        self.progress = progress
    }

    func step<T>(_ name: String, _ body: () throws(RectifyError) -> T) throws(RectifyError) -> T {
        progress(name)
        let started = (clock.now, Self.cpuTime())
        defer { record(name, since: started) }
        return try body()
    }

    func step<T>(_ name: String, _ body: () -> T) -> T {
        progress(name)
        let started = (clock.now, Self.cpuTime())
        defer { record(name, since: started) }
        return body()
    }

    private func record(_ name: String, since started: (ContinuousClock.Instant, Duration)) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        timings.append(.init(name: name, duration: clock.now - started.0, cpu: Self.cpuTime() - started.1, peakMemory: usage.ru_maxrss * 1024,
                              memory: Self.residentMemory()))
    }

    /// This process's resident memory now (`/proc/self/statm`), in bytes; 0 where unknown.
    private static func residentMemory() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// User and system time of this process and of its children that have exited; the
    /// render workers' time counts once they are reaped.
    private static func cpuTime() -> Duration {
        var total = Duration.zero
        for who in [RUSAGE_SELF.rawValue, RUSAGE_CHILDREN.rawValue] {
            var usage = rusage()
            getrusage(who, &usage)
            for time in [usage.ru_utime, usage.ru_stime] {
                total += .seconds(time.tv_sec) + .microseconds(time.tv_usec)
            }
        }
        return total
    }

    /// The report of a build that found its output up to date.
    func upToDateReport(earlierWarnings: [String]) -> BuildReport {
        var report = BuildReport()
        report.upToDate = true
        report.earlierWarnings = earlierWarnings
        report.timings = timings
        return report
    }
}

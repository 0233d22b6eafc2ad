import Foundation
import RectifyMarkdown
import RectifyTheme

/// Builds a site: content folder in, output folder out.
///
/// The build is the list of named steps in `steps`, run in order and timed.
/// Nothing touches the output folder until the last step swaps the new site in.
public final class SiteBuilder {
    /// Templates a theme must provide.
    public static let requiredTemplates = ["home", "category", "status", "item", "page", "ledger"]

    let options: BuildOptions
    var state = BuildState()

    public init(options: BuildOptions) {
        self.options = options
    }

    /// The build, step by step.
    var steps: [BuildStep] {
        [
            .init("load theme", loadTheme),
            .init("load content", loadContent),
            .init("render markdown", renderMarkdown),
            .init("open output", openOutput),
            .init("write item pages", writeItemPages),
            .init("write category pages", writeCategoryPages),
            .init("write status pages", writeStatusPages),
            .init("write free pages", writeFreePages),
            .init("write ledger", writeLedger),
            .init("write home page", writeHomePage),
            .init("copy theme static files", copyStaticFiles),
            .init("copy attachments", copyAttachments),
            .init("publish output", publish),
        ]
    }

    /// Runs every step; `progress` is told each step's name as it starts.
    public func build(progress: (String) -> Void = { _ in }) throws(RectifyError) -> BuildReport {
        let clock = ContinuousClock()
        defer { state.writer?.abandon() }
        for step in steps {
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
    var writer: OutputWriter?
    var report = BuildReport()
}

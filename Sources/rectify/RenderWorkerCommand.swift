import ArgumentParser
import RectifyCore

/// Internal: a Markdown render worker, started by `build` and `check`. It reads requests on
/// standard input until it closes.
struct RenderWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render-worker",
        abstract: "Internal: render Markdown for a build over standard input and output.",
        shouldDisplay: false)

    func run() {
        RenderWorkerEntry.run()
    }
}

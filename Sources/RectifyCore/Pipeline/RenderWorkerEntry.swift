import RectifyMarkdown

/// The entry point of `rectify render-worker`, the process that renders Markdown for builds.
public enum RenderWorkerEntry {
    public static func run() {
        RenderWorker.serve()
    }
}

import Foundation

/// What to build, from where, into where, and against which date.
public struct BuildOptions: Sendable {
    public var contentDirectory: URL
    /// The content folder as the user named it, used in messages (`content/items/…`).
    public var contentDisplay: String
    public var themeDirectory: URL
    public var outputDirectory: URL
    /// The output folder as the user named it (`--output`), checked and used in messages.
    public var outputDisplay: String?
    /// The date the site reports against ("data as of").
    public var asOf: Day
    /// How Markdown is rendered: in worker processes of this executable (`rectify
    /// render-worker`), or, when nil, in this process (no protection from hangs or crashes).
    public var workerExecutable: URL?
    /// How long one Markdown file may take to render, in seconds.
    public var renderTimeout: Double = 2
    /// The git revision the "changes" page compares with; nil: the newest tag before HEAD.
    public var changesSince: String?
    /// Also print `print/` and `ledger/` to `print.pdf` and `ledger.pdf` with Chromium.
    public var pdf = false
    /// Reuse the output when nothing changed since the last build (`BuildCache`).
    public var reuseUnchangedOutput = false
    /// Pages of one view shape share a render plan (`Theme`); off, every page is rendered by
    /// Mustache alone. The output is the same either way.
    public var reuseRenderPlans = true
    /// Keep the site in memory (`SiteBuilder.files`) instead of writing the output folder:
    /// for `serve`. No PDFs, no build cache.
    public var inMemory = false
    /// Replace an existing output folder that Rectify did not build (`--force-output`).
    /// Never the content, the theme, the current or home folder, nor `/`.
    public var forceOutput = false
    /// Index the built site for search with Pagefind, when it is installed (the CLI's `build`).
    public var searchIndex = false
    /// The language of the messages (`--lang`); nil: the site's `language`.
    public var messageLanguage: String?
    /// Render pages on one thread only (for comparing with the parallel build).
    public var serial = false
    /// The internal edition (everything) or the public one (`PublicEdition`).
    public var edition = Edition.internal

    public init(contentDirectory: URL, contentDisplay: String? = nil, themeDirectory: URL, outputDirectory: URL, asOf: Day) {
        self.contentDirectory = contentDirectory
        self.contentDisplay = contentDisplay ?? contentDirectory.path
        self.themeDirectory = themeDirectory
        self.outputDirectory = outputDirectory
        self.asOf = asOf
    }
}

extension Day {
    /// Today in the machine's time zone.
    public static func today() -> Day {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}

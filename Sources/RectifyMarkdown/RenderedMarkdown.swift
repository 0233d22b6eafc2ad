/// The result of rendering one Markdown document.
public struct RenderedMarkdown: Sendable, Equatable {
    /// A link or image destination found in the document.
    public struct Link: Sendable, Equatable {
        public let url: String
        /// The line of the document (1-based) the link is written on.
        public let line: Int

        public init(url: String, line: Int) {
            self.url = url
            self.line = line
        }
    }

    public let html: String
    public let links: [Link]

    public init(html: String, links: [Link]) {
        self.html = html
        self.links = links
    }
}

/// Why a document could not be rendered. Each is about one document; the others still render.
public enum RenderFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The renderer ran longer than the time limit and was stopped.
    case timedOut(seconds: Double)
    /// The renderer process died (a crash inside the C library, or out of memory).
    case crashed(reason: String)
    /// The HTML came out more than `RenderLimits.outputRatio` times the input's size.
    case outputTooLarge(inputBytes: Int, outputBytes: Int)
    /// The input is over `RenderLimits.maximumInputBytes`.
    case inputTooLarge(bytes: Int)
    /// The worker's answer broke the protocol (e.g. announced an impossible length).
    case brokenWorker(reason: String)

    public var description: String {
        switch self {
        case .timedOut(let seconds):
            return "Markdown rendering took longer than \(Self.format(seconds)) s and was stopped (the file may trigger a slow path in cmark-gfm)"
        case .crashed(let reason):
            return "the Markdown renderer crashed on this file (\(reason))"
        case .outputTooLarge(let input, let output):
            return "rendered HTML is \(output) bytes, over \(RenderLimits.outputRatio)× the \(input)-byte input"
        case .inputTooLarge(let bytes):
            return "Markdown body is \(bytes) bytes, over the limit of \(RenderLimits.maximumInputBytes) bytes"
        case .brokenWorker(let reason):
            return "the Markdown render worker is broken and was stopped (\(reason))"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}

/// Limits that keep one hostile file from stalling or flooding a build.
public struct RenderLimits: Sendable {
    public static let maximumInputBytes = 1 << 20
    public static let outputRatio = 20
    /// The longest answer frame a worker may announce: the largest HTML allowed, plus its
    /// links. A longer one means the worker is broken; nothing that size is allocated.
    public static let maximumAnswerBytes = maximumInputBytes * (outputRatio + 2) + 64 * 1024
    /// Small inputs may expand more (a short table header makes many tags); below this
    /// many output bytes the ratio is not enforced.
    public static let outputAllowance = 64 * 1024

    /// How long one document may take to render, in seconds.
    public var timeout: Double

    public init(timeout: Double = 2) {
        self.timeout = timeout
    }

    func check(input: Int, output: Int) -> RenderFailure? {
        if output > RenderLimits.outputAllowance && output > input * RenderLimits.outputRatio {
            return .outputTooLarge(inputBytes: input, outputBytes: output)
        }
        return nil
    }
}

/// Something that renders many Markdown documents, each to HTML or a failure.
public protocol MarkdownRendering: Sendable {
    func render(_ documents: [String]) -> [Result<RenderedMarkdown, RenderFailure>]
}

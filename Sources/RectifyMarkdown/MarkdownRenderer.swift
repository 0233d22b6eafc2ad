import CCmarkGFM
import Foundation

/// Markdown text in, HTML out, through cmark-gfm with the GitHub extensions.
///
/// Safe by construction: `CMARK_OPT_UNSAFE` is never set, so raw HTML becomes
/// `<!-- raw HTML omitted -->` and `javascript:`/`vbscript:`/`file:` links are emptied;
/// `CMARK_OPT_VALIDATE_UTF8` replaces invalid bytes. Calls are serialised.
public struct MarkdownRenderer: Sendable {
    /// The GFM extensions every render attaches, in this order.
    public static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    private let options: Int32

    public init() {
        options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
    }

    /// The HTML of one document.
    public func render(_ markdown: String) -> String {
        renderDocument(markdown).html
    }

    /// The HTML of one document and the destinations of its links and images.
    public func renderDocument(_ markdown: String) -> RenderedMarkdown {
        var text = markdown
        let (html, links) = text.withUTF8 { renderBytes($0) }
        return RenderedMarkdown(html: String(decoding: html, as: UTF8.self), links: links)
    }

    /// The HTML as UTF-8 bytes, and the links: what a render worker sends back, without
    /// turning either into a Swift string on the way.
    func renderBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> (html: [UInt8], links: [RenderedMarkdown.Link]) {
        CmarkLock.withLock { renderLocked(bytes) }
    }

    private func renderLocked(_ bytes: UnsafeBufferPointer<UInt8>) -> (html: [UInt8], links: [RenderedMarkdown.Link]) {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(options) else { return ([], []) }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        bytes.withMemoryRebound(to: CChar.self) { chars in
            cmark_parser_feed(parser, chars.baseAddress, chars.count)
        }
        guard let document = cmark_parser_finish(parser) else { return ([], []) }
        defer { cmark_node_free(document) }
        let links = Self.links(in: document)
        let slugs = HeadingAnchors.slugs(in: document)
        // The parser owns this extension list: it must not be freed here.
        let extensions = cmark_parser_get_syntax_extensions(parser)
        guard let html = cmark_render_html(document, options, extensions) else { return ([], links) }
        defer { free(html) }
        let output = UnsafeRawBufferPointer(start: html, count: strlen(html)).bindMemory(to: UInt8.self)
        return (HeadingAnchors.inject(slugs, into: output), links)
    }

    /// Link and image destinations, each with the start line of its nearest block.
    private static func links(in document: OpaquePointer) -> [RenderedMarkdown.Link] {
        var links: [RenderedMarkdown.Link] = []
        CmarkTree.forEachNode(under: document) { node in
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node) else { return }
            var block: OpaquePointer? = node
            while let current = block, cmark_node_get_start_line(current) == 0 { block = cmark_node_parent(current) }
            links.append(RenderedMarkdown.Link(url: String(cString: url), line: Int(block.map { cmark_node_get_start_line($0) } ?? 1)))
        }
        return links
    }
}

extension MarkdownRenderer: MarkdownRendering {
    /// Renders in this process, one document after another. Enforces the size limits but,
    /// unlike `ProcessRenderPool`, cannot stop a slow document or survive a crash.
    public func render(_ documents: [String]) -> [Result<RenderedMarkdown, RenderFailure>] {
        documents.map { markdown in
            let size = markdown.utf8.count
            if size > RenderLimits.maximumInputBytes { return .failure(.inputTooLarge(bytes: size)) }
            let rendered = renderDocument(markdown)
            if let failure = RenderLimits().check(input: size, output: rendered.html.utf8.count) { return .failure(failure) }
            return .success(rendered)
        }
    }
}

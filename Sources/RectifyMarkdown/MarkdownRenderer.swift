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

    public func render(_ markdown: String) -> String {
        var text = markdown
        return text.withUTF8 { bytes in
            CmarkLock.withLock { renderLocked(bytes) }
        }
    }

    private func renderLocked(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        bytes.withMemoryRebound(to: CChar.self) { chars in
            cmark_parser_feed(parser, chars.baseAddress, chars.count)
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        // The parser owns this extension list: it must not be freed here.
        let extensions = cmark_parser_get_syntax_extensions(parser)
        guard let html = cmark_render_html(document, options, extensions) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}

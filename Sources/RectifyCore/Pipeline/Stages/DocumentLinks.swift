import Foundation
import RectifyMarkdown

/// The links of one Markdown document, for the link check: the file, the page it becomes,
/// and each link with its line in the file.
struct DocumentLinks {
    let file: String
    let page: String
    let links: [RenderedMarkdown.Link]

    /// Each link's line: the first line, from its block's start, that holds its URL.
    init(_ links: [RenderedMarkdown.Link], of source: SourceFile, markdown: String, page: String) {
        file = source.displayPath
        self.page = page
        guard !links.isEmpty else {
            self.links = []
            return
        }
        var markdown = markdown
        self.links = markdown.withUTF8 { bytes in
            // Where each line starts, found with `memchr`; then a byte search per line.
            var starts = [0]
            var position = 0
            while position < bytes.count, let newline = memchr(bytes.baseAddress! + position, 0x0A, bytes.count - position) {
                position = UnsafePointer<UInt8>(newline.assumingMemoryBound(to: UInt8.self)) - bytes.baseAddress! + 1
                starts.append(position)
            }
            func line(_ number: Int, contains url: [UInt8]) -> Bool {
                let end = number + 1 < starts.count ? starts[number + 1] : bytes.count
                guard !url.isEmpty, end - starts[number] >= url.count else { return false }
                return (starts[number]...(end - url.count)).contains { offset in
                    bytes[offset] == url[0] && url.indices.allSatisfy { bytes[offset + $0] == url[$0] }
                }
            }
            return links.map { link in
                let start = min(max(0, link.line - 1), starts.count - 1)
                let url = Array(link.url.utf8)
                let offset = (start..<starts.count).first { line($0, contains: url) } ?? start
                return RenderedMarkdown.Link(url: link.url, line: source.bodyStartLine + offset)
            }
        }
    }
}

import RectifyMarkdown
import RectifyTheme

extension SiteBuilder {
    /// Items rendered and written at a time: their Markdown, their pages and their part of
    /// the print document. Only one chunk of rendered bodies is in memory at once.
    static let itemChunk = 512

    /// Item pages and `print/index.html`, the whole publication in one page (tens of
    /// megabytes at 10,000 items). The print template is rendered once with a placeholder
    /// where the items go; each chunk's Markdown is then rendered by the workers, and its
    /// item pages and print sections (`partials/print-item`) are written in order.
    ///
    /// Markdown that fails to render (too slow, too large, a crashed worker) is reported for
    /// every item that failed; nothing more is written after the first failure.
    func writeItems() throws(RectifyError) {
        guard let views = state.views, let theme = state.theme, let writer = state.writer, let renderer = state.renderer else { return }
        let items = views.content.items
        let placeholder = "\u{E002}rectify:print-items\u{E002}"
        let frame: String
        do {
            frame = try theme.render("print", views.printDocument(itemsHTML: placeholder))
        } catch {
            throw .invalidContent([Diagnostic(file: error.file, line: error.line, message: error.message)])
        }
        let parts = frame.split(separator: placeholder, omittingEmptySubsequences: false)
        var printAnchors = LinkChecker.anchors(in: frame)
        let printFile = try writer.open(SitePaths.printDocument)
        try printFile.append(String(parts[0]))
        // A template that places the items more than once gets them from memory at the end.
        var heldPrintRows: [String]? = parts.count > 2 ? [] : nil
        // Every item page sits two folders deep and is in no navigation: one frame for all.
        let itemFrame = views.frame(path: SitePaths.item(items.first?.id ?? "x"), title: "")

        for start in stride(from: 0, to: items.count, by: Self.itemChunk) {
            let chunk = start..<min(items.count, start + Self.itemChunk)
            let results = renderer.render(chunk.map { state.markdown.items[$0] })
            var chunkViews = views
            for (index, result) in zip(chunk, results) {
                let item = items[index]
                switch result {
                case .success(let rendered):
                    chunkViews.itemBodies[item.id] = rendered.html
                    recordLinks(rendered.links, of: item.source, markdown: state.markdown.items[index], page: SitePaths.item(item.id))
                case .failure(let failure):
                    state.renderFailures.append(Diagnostic(file: item.source.displayPath, line: item.source.bodyStartLine, message: failure.description))
                }
            }
            // Rendered: the Markdown is not needed any more.
            for index in chunk { state.markdown.items[index] = "" }
            guard state.renderFailures.isEmpty else { continue }
            try writePages(chunk.count) { offset in
                ("item", chunkViews.item(at: start + offset, frame: itemFrame), SitePaths.item(items[start + offset].id))
            }
            if parts.count > 1 {
                let rows = try render(theme, "partials/print-item", chunk.count) { chunkViews.printItem(start + $0) }
                for row in rows {
                    if parts.count == 2 { try printFile.append(row) } else { heldPrintRows?.append(row) }
                    printAnchors.formUnion(LinkChecker.anchors(in: row))
                }
            }
        }
        guard state.renderFailures.isEmpty else { throw .invalidContent(state.renderFailures) }
        if let heldPrintRows {
            let joined = heldPrintRows.joined()
            for part in parts.dropFirst() { try printFile.append(joined + String(part)) }
        } else if parts.count == 2 {
            try printFile.append(String(parts[1]))
        }
        try printFile.close()
        state.anchors[SitePaths.printDocument] = printAnchors
        state.report.pages += 1
    }
}

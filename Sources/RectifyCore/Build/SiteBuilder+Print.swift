import RectifyTheme

extension SiteBuilder {
    /// Items rendered and written at a time into the print document.
    static let printChunk = 256

    /// `print/index.html`, the whole publication in one page: tens of megabytes at 10,000
    /// items, so it is written as it is rendered. The template is rendered once with a
    /// placeholder where the items go; the items are then rendered a chunk at a time
    /// (`partials/print-item`) and written in its place.
    func writePrintDocument() throws(RectifyError) {
        guard let views = state.views, let theme = state.theme, let writer = state.writer else { return }
        let placeholder = "\u{E002}rectify:print-items\u{E002}"
        let frame: String
        do {
            frame = try theme.render("print", views.printDocument(itemsHTML: placeholder))
        } catch {
            throw .invalidContent([Diagnostic(file: error.file, line: error.line, message: error.message)])
        }
        let parts = frame.split(separator: placeholder, omittingEmptySubsequences: false)
        var anchors = LinkChecker.anchors(in: frame)
        let file = try writer.open(SitePaths.printDocument)
        try file.append(String(parts[0]))
        let shared = SharedContext(views.rowShared)
        for part in parts.dropFirst() {
            for start in stride(from: 0, to: views.content.items.count, by: Self.printChunk) {
                let count = min(Self.printChunk, views.content.items.count - start)
                let rows = try render(theme, "partials/print-item", count, shared) { views.printItem(start + $0) }
                for row in rows {
                    try file.append(row)
                    anchors.formUnion(LinkChecker.anchors(in: row))
                }
            }
            try file.append(String(part))
        }
        try file.close()
        state.anchors[SitePaths.printDocument] = anchors
        state.report.pages += 1
    }
}

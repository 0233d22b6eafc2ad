import RectifyMarkdown
import RectifyTheme

extension SiteWriter {
    /// Items rendered and written at a time: their Markdown, their pages and their part of
    /// the print document. Only one chunk of rendered bodies is in memory at once.
    static let itemChunk = 512

    /// Item pages and `print/index.html`, the whole publication in one page (tens of
    /// megabytes at 10,000 items). The print template is rendered once with a placeholder
    /// where the items go; each chunk's Markdown is then rendered by the workers, and its
    /// item pages and print sections (`partials/print-item`) are written in order.
    ///
    /// Markdown that fails to render (too slow, too large, a crashed worker), here or in the
    /// free pages, is reported for every document that failed; nothing more is written after
    /// the first failure.
    func writeItems() throws(RectifyError) {
        let views = self.views
        let theme = self.theme
        let items = views.content.items
        var failures = prepared.failures
        // With a nonce, like the row markers: text in the content that spells the placeholder
        // must not place the items a second time.
        let placeholder = "\u{E002}rectify:print-items:\(UInt64.random(in: 1...UInt64.max))\u{E002}"
        let frame: String
        do {
            frame = try theme.render("print", views.printDocument(itemsHTML: placeholder))
        } catch {
            throw .invalidContent([Diagnostic(file: error.file, line: error.line, message: error.message)])
        }
        let parts = frame.split(separator: placeholder, omittingEmptySubsequences: false)
        var printAnchors = LinkChecker.anchors(in: frame)
        let printFile = try sink.open(SitePaths.printDocument)
        try printFile.append(String(parts[0]))
        // A template that places the items more than once gets them from memory at the end.
        var heldPrintRows: [String]? = parts.count > 2 ? [] : nil
        // Every item page sits two folders deep and is in no navigation: one frame for all.
        let itemPath = SitePaths.item(items.first?.id ?? "x")
        let itemFrame = views.frame(path: itemPath, title: "")
        let itemRoot = SitePaths.root(from: itemPath)

        for start in stride(from: 0, to: items.count, by: Self.itemChunk) {
            let chunk = start..<min(items.count, start + Self.itemChunk)
            var markdown: [String] = []
            for (offset, body) in itemMarkdown.take(chunk, serial: options.serial).enumerated() {
                switch body {
                case .success(let text):
                    markdown.append(text)
                case .failure:
                    let item = items[start + offset]
                    failures.append(Diagnostic(file: item.source.displayPath, line: nil, message: prepared.site.messages.changedDuringBuild()))
                    markdown.append("")
                }
            }
            // The chunk's folders are made on one thread while the workers render its Markdown.
            let folders = BackgroundWork(serial: options.serial) { [sink] () throws(RectifyError) in
                try sink.makeFolders(chunk.map { SitePaths.itemFolder(items[$0].id) })
            }
            let results = renderer.render(markdown)
            try folders.wait()
            var chunkViews = views
            // Each link's line in its file, found on all cores.
            let documentLinks = parallelMap(results.count, serial: options.serial) { offset -> DocumentLinks? in
                guard case .success(let rendered) = results[offset], !rendered.links.isEmpty else { return nil }
                let item = items[start + offset]
                return DocumentLinks(rendered.links, of: item.source, markdown: markdown[offset], page: SitePaths.item(item.id))
            }
            for (offset, result) in results.enumerated() {
                let item = items[start + offset]
                switch result {
                case .success(let rendered):
                    chunkViews.itemBodies[item.id] = rendered.html
                    if let links = documentLinks[offset] { appendLinks(links) }
                case .failure(let failure):
                    failures.append(Diagnostic(file: item.source.displayPath, line: item.source.bodyStartLine, message: failure.description))
                }
            }
            guard failures.isEmpty else { continue }
            // Each item as a row seen from an item page, once: its own page and both
            // neighbours' pages show it.
            let rowRange = max(0, chunk.lowerBound - 1)..<min(items.count, chunk.upperBound + 1)
            let rows = parallelMap(rowRange.count, serial: options.serial) { views.summary(items[rowRange.lowerBound + $0], root: itemRoot) }
            try writePages(chunk.count) { offset in
                ("item", chunkViews.item(at: start + offset, frame: itemFrame) { rows[$0 - rowRange.lowerBound] }, SitePaths.item(items[start + offset].id))
            }
            if parts.count > 1 {
                // The chunk's sections and their anchors are made on all cores, then written
                // in one piece: one write of a few megabytes instead of one per item.
                let sections = try render("partials/print-item", chunk.count) { chunkViews.printItem(start + $0) }
                for anchors in parallelMap(sections.count, serial: options.serial, { LinkChecker.anchors(in: sections[$0]) }) {
                    printAnchors.formUnion(anchors)
                }
                if parts.count == 2 { try printFile.append(sections.joined()) } else { heldPrintRows?.append(contentsOf: sections) }
            }
        }
        guard failures.isEmpty else { throw .invalidContent(failures) }
        if let heldPrintRows {
            let joined = heldPrintRows.joined()
            for part in parts.dropFirst() { try printFile.append(joined + String(part)) }
        } else if parts.count == 2 {
            try printFile.append(String(parts[1]))
        }
        try printFile.close()
        recordPage(SitePaths.printDocument, anchors: printAnchors)
    }
}

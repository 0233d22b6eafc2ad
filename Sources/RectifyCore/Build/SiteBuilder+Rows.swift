import RectifyTheme

extension SiteBuilder {
    /// Renders every row of the long lists once, on all cores.
    func renderRows() throws(RectifyError) {
        guard let theme = state.theme, let views = state.views else { return }
        let items = views.content.items.indices
        let updates = views.updatesNewestFirst()
        let home = views.homeEntryIndices
        var rows = RenderedRows()
        rows.itemTable = try render(theme, "partials/item-row", items.count) { views.itemTableRow($0) }
        rows.ledger = try render(theme, "partials/ledger-row", items.count) { views.ledgerRow($0) }
        rows.updates = try render(theme, "partials/update-row", updates.count) { views.updateRow(updates[$0]) }
        rows.feed = try render(theme, "partials/feed-entry", updates.count) { views.feedEntry(updates[$0]) }
        rows.newestUpdate = updates.first?.update.date
        let entries = try render(theme, "partials/item-entry", home.count) { views.homeEntry(home[$0]) }
        rows.homeEntries = Dictionary(uniqueKeysWithValues: zip(home, entries))
        state.rows = rows
    }

    func render(_ theme: Theme, _ template: String, _ count: Int, _ row: (Int) -> any TemplateView) throws(RectifyError) -> [String] {
        let results: [Result<String, ThemeError>] = parallelMap(count, serial: options.serial) { index in
            Result { () throws(ThemeError) in try theme.render(template, row(index)) }
        }
        var rendered: [String] = []
        rendered.reserveCapacity(count)
        for result in results {
            switch result {
            case .success(let html): rendered.append(html)
            case .failure(let error): throw .invalidContent([Diagnostic(file: error.file, line: error.line, message: error.message)])
            }
        }
        return rendered
    }
}

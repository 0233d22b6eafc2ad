import RectifySystem
import Foundation
import RectifyMarkdown
import RectifyTheme

/// The third stage: renders a prepared site into an output (the staging folder, memory, or
/// nowhere for `check`) and gathers what the link check needs. Each method is one named
/// step of the build.
final class SiteWriter {
    let prepared: PreparedSite
    let sink: any OutputSink
    let renderer: any MarkdownRendering
    let options: BuildOptions
    let itemMarkdown: ItemBodies

    /// Every file written, with the element IDs of the HTML ones, for `#fragment` links.
    private(set) var anchors: [String: Set<String>] = [:]
    /// Links in every Markdown body, for the link check.
    private(set) var links: [DocumentLinks]
    private(set) var pages = 0

    var views: SiteViews { prepared.views }
    var theme: Theme { prepared.site.theme }

    init(_ prepared: PreparedSite, into sink: any OutputSink, renderer: any MarkdownRendering, options: BuildOptions) {
        self.prepared = prepared
        self.sink = sink
        self.renderer = renderer
        self.options = options
        itemMarkdown = prepared.site.markdown.items
        links = prepared.pageLinks
    }

    /// What the writing found: every page with its anchors, every Markdown link.
    var result: RenderedSite {
        RenderedSite(anchors: anchors, links: links, pages: pages, filesWritten: sink.filesWritten)
    }

    /// The pages that index the items, with the rows `renderRows` made; rendered together
    /// on all cores.
    func writeIndexPages(_ rows: RenderedRows) throws(RectifyError) {
        let views = self.views
        var pages: [(template: String, path: String, view: (RowSlots) -> any TemplateView)] = [
            ("updates", SitePaths.updates, { views.updates(rows: rows, slots: $0) }),
            ("feed", SitePaths.feed, { views.feed(rows: rows, slots: $0) }),
            ("ledger", SitePaths.ledger, { views.ledger(rows: rows, slots: $0) }),
            ("home", SitePaths.home, { _ in views.home(rows: rows) }),
            ("departments", SitePaths.departments, { _ in views.departments() }),
        ]
        if views.hasSearch { pages.append(("search", SitePaths.search, { _ in views.search() })) }
        pages += views.config.categories.map { category in
            ("category", SitePaths.category(category.key), { views.category(category, rows: rows, slots: $0) })
        }
        pages += views.config.statuses.map { status in ("status", SitePaths.status(status.key), { views.status(status, rows: rows, slots: $0) }) }
        pages += views.content.departments.map { department in
            ("department", SitePaths.department(department.key), { views.department(department, rows: rows, slots: $0) })
        }
        if let changes = prepared.site.changes { pages.append(("changes", SitePaths.changes, { _ in views.changes(changes) })) }
        try writeSlottedPages(pages.count) { index, slots in (pages[index].template, pages[index].view(slots), pages[index].path) }
    }

    func writeFreePages() throws(RectifyError) {
        let views = self.views
        let pages = views.content.pages
        try writePages(pages.count) { index in ("page", views.page(pages[index]), SitePaths.page(pages[index].name)) }
    }

    /// `ledger.csv` and `ledger.xlsx` for Excel and WPS, `data.json` for other systems. The
    /// workbook takes about as long as the other two together, so it is made beside them,
    /// and they one after the other (all three at once need a third more memory).
    ///
    /// It may run beside other steps: it changes nothing of the writer's, and returns the
    /// paths it wrote, for `recordFiles`.
    func writeExports() throws(RectifyError) -> [String] {
        let views = self.views
        let lastChanged = prepared.site.lastChanged
        let sink = Unchecked(self.sink)
        let serial = options.serial
        let results: [Result<[String], RectifyError>] = parallelMap(2, serial: serial) { index in
            Result { () throws(RectifyError) in
                if index == 0 {
                    try sink.value.write(try LedgerWorkbook(views: views).data(), to: SitePaths.ledgerXLSX)
                    return [SitePaths.ledgerXLSX]
                }
                try sink.value.write(LedgerCSV(views: views).text, to: SitePaths.ledgerCSV)
                let itemDates = Dictionary(uniqueKeysWithValues: views.content.items.compactMap { item in
                    lastChanged[item.source.relativePath].map { (item.id, $0) }
                })
                let json: Data
                do {
                    let export = DataExport(views: views, lastModified: itemDates)
                    json = try serial ? export.jsonAtOnce() : export.json()
                } catch {
                    throw .io(path: SitePaths.dataJSON, reason: "cannot encode: \(error)")
                }
                try sink.value.write(json, to: SitePaths.dataJSON)
                return [SitePaths.ledgerCSV, SitePaths.dataJSON]
            }
        }
        var written: [String] = []
        for result in results { written += try result.get() }
        return written
    }

    /// Files written with no anchors of their own (exports), for the link check.
    func recordFiles(_ paths: [String]) {
        for path in paths { anchors[path] = [] }
    }

    func copyStaticFiles() throws(RectifyError) {
        let folder = theme.staticDirectory
        for relative in Self.staticFiles(under: folder) {
            try sink.copy(folder.appending(path: relative), to: "static/\(relative)")
            anchors["static/\(relative)"] = []
        }
    }

    func copyAttachments() throws(RectifyError) {
        let content = views.content
        let folder = options.contentDirectory.appending(path: "files", directoryHint: .isDirectory)
        for relative in content.files {
            try sink.copy(folder.appending(path: relative), to: SitePaths.attachment(relative))
            anchors[SitePaths.attachment(relative)] = []
        }
        for item in content.items where !item.attachments.isEmpty {
            let bundle = options.contentDirectory.appending(path: (item.source.relativePath as NSString).deletingLastPathComponent)
            for relative in item.attachments {
                let target = "items/\(item.id)/\(relative)"
                try sink.copy(bundle.appending(path: relative), to: target)
                anchors[target] = []
            }
        }
    }

    /// `sitemap.xml` with every HTML page written so far, and `robots.txt`.
    func writeSitemap() throws(RectifyError) {
        let pages = NaturalOrder.sorted(anchors.keys.filter { $0.hasSuffix(".html") }) { $0 }
        let sitemap = Sitemap(paths: pages, baseURL: views.config.baseURL)
        try sink.write(sitemap.xml, to: "sitemap.xml")
        try sink.write(sitemap.robots, to: "robots.txt")
        anchors["sitemap.xml"] = []
        anchors["robots.txt"] = []
    }

    func appendLinks(_ document: DocumentLinks) {
        if !document.links.isEmpty { links.append(document) }
    }

    func recordPage(_ path: String, anchors: Set<String>) {
        self.anchors[path] = anchors
        pages += 1
    }

    /// Renders and writes `count` pages on all cores; `page(i)` gives the template, the view
    /// and the path of page `i`. The first error, in page order, is thrown.
    func writePages(_ count: Int, _ page: (Int) -> (template: String, view: any TemplateView, path: String)) throws(RectifyError) {
        try writeSlottedPages(count) { index, _ in page(index) }
    }

    /// `writePages` for pages whose long lists of rows may stand as markers in their views
    /// (`RowSlots`): such a page is streamed to its file with the rows in the markers' places.
    func writeSlottedPages(_ count: Int, _ page: (Int, RowSlots) -> (template: String, view: any TemplateView, path: String)) throws(RectifyError) {
        let theme = self.theme
        let sink = Unchecked(self.sink)
        let streaming = options.reuseRenderPlans && theme.planBlockers.isEmpty
        let results: [Result<(String, Set<String>), RectifyError>] = parallelMap(count, serial: options.serial) { index in
            let slots = RowSlots(streaming: streaming)
            var (template, view, path) = page(index, slots)
            do {
                var html = try theme.render(template, view)
                if !slots.lists.isEmpty {
                    if let pieces = StreamedPage(html, slots: slots) {
                        return .success((path, try pieces.write(to: path, in: sink.value)))
                    }
                    // A marker came out changed: the page is made whole instead.
                    (template, view, path) = page(index, RowSlots(streaming: false))
                    html = try theme.render(template, view)
                }
                try sink.value.write(html, to: path)
                return .success((path, LinkChecker.anchors(in: html)))
            } catch let error as ThemeError {
                return .failure(.invalidContent([Diagnostic(file: error.file, line: error.line, message: error.message)]))
            } catch let error as RectifyError {
                return .failure(error)
            } catch {
                return .failure(.io(path: path, reason: "\(error)"))
            }
        }
        for result in results {
            let (path, anchors) = try result.get()
            self.anchors[path] = anchors
            pages += 1
        }
    }

    /// Renders `count` rows of one partial on all cores.
    func render(_ template: String, _ count: Int, _ row: (Int) -> any TemplateView) throws(RectifyError) -> [String] {
        let theme = self.theme
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

    /// Renders every row of the long lists once, on all cores.
    func renderRows() throws(RectifyError) -> RenderedRows {
        let views = self.views
        let items = views.content.items.indices
        let updates = views.updatesNewestFirst()
        let home = views.homeEntryIndices
        var rows = RenderedRows()
        rows.itemTable = try render("partials/item-row", items.count) { views.itemTableRow($0) }
        rows.ledger = try render("partials/ledger-row", items.count) { views.ledgerRow($0) }
        let updateItems = parallelMap(items.count, serial: options.serial) { views.updatesPageItem($0) }
        rows.updates = try render("partials/update-row", updates.count) { views.update(updates[$0].update, item: updateItems[updates[$0].order]) }
        rows.feed = try render("partials/feed-entry", updates.count) { views.feedEntry(updates[$0]) }
        rows.newestUpdate = updates.first?.update.date
        let entries = try render("partials/item-entry", home.count) { views.homeEntry(home[$0]) }
        rows.homeEntries = Dictionary(uniqueKeysWithValues: zip(home, entries))
        return rows
    }

    /// The theme's static files, relative to its folder, sorted: regular files, and links to
    /// regular files inside the theme (copied as files); nothing under a hidden name.
    static func staticFiles(under folder: URL) -> [String] {
        let root = FileBytes.realPath(folder.path) ?? folder.path
        return FolderWalk.entries(under: root, skipHidden: true).entries.filter { entry in
            guard entry.nameIsUTF8 else { return false }
            switch entry.kind {
            case .file: return true
            case .link: return FileBytes.isRegularFile(entry.path) && (FileBytes.realPath(entry.path)?.hasPrefix(root + "/") ?? false)
            case .folder, .other: return false
            }
        }.map(\.relative).sorted()
    }
}

/// What the render stage wrote: the input of the link check and of the report.
struct RenderedSite {
    let anchors: [String: Set<String>]
    let links: [DocumentLinks]
    let pages: Int
    let filesWritten: Int
}

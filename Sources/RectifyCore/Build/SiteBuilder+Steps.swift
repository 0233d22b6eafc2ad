import Foundation
import RectifyFrontMatter
import RectifyMarkdown
import RectifyTheme

extension SiteBuilder {
    func loadTheme() throws(RectifyError) {
        do {
            state.theme = try Theme(
                directory: options.themeDirectory,
                overrides: options.contentDirectory.appending(path: "templates", directoryHint: .isDirectory),
                required: Self.requiredTemplates,
                reusePlans: options.reuseRenderPlans)
        } catch {
            throw .invalidContent([Diagnostic(file: error.file, line: error.line, message: error.message)])
        }
    }

    func loadContent() throws(RectifyError) {
        let loader = ContentLoader(
            directory: options.contentDirectory, displayRoot: options.contentDisplay,
            languages: Labels.languages(in: options.themeDirectory))
        let (content, warnings, markdown) = try loader.load()
        state.content = content
        state.markdown = markdown
        state.labels = try Labels.load(language: content.config.language, theme: options.themeDirectory)
        state.report.warnings = warnings
        state.report.items = content.items.count
    }

    /// Dates from git history, and the changes since the previous publication. Without git
    /// (or outside a repository) the site is the same, minus those.
    func readGitHistory() throws(RectifyError) {
        guard let content = state.content else { return }
        let git = GitHistory(directory: options.contentDirectory)
        state.lastChanged = git.lastChanged()
        guard let baseline = git.baseline(options.changesSince) else {
            if let requested = options.changesSince {
                throw .io(path: options.contentDisplay, reason: "--changes-since: git cannot find revision \"\(requested)\"")
            }
            return
        }
        let log = DiagnosticLog()
        let before = git.items(at: baseline.commit).sorted { $0.key < $1.key }.compactMap { path, text -> Item? in
            guard let document = try? MarkdownDocument(parsing: text) else { return nil }
            return Item.load(document, file: path, relativePath: path, config: content.config, log: log)
        }
        state.changes = ChangeSummary(baseline: baseline.name, before: before, now: content.items, config: content.config)
    }

    /// Renders the free pages' Markdown and sets up the views. Item bodies are rendered a
    /// chunk at a time as their pages are written (`writeItems`); Markdown that fails to
    /// render is reported there, with the items'.
    func prepareViews() throws(RectifyError) {
        guard let content = state.content, let labels = state.labels else { return }
        let renderer = self.renderer
        state.renderer = renderer
        let results = renderer.render(state.markdown.pages)
        var pageBodies: [String: String] = [:]
        for ((page, markdown), result) in zip(zip(content.pages, state.markdown.pages), results) {
            switch result {
            case .success(let rendered):
                pageBodies[page.name] = rendered.html
                recordLinks(rendered.links, of: page.source, markdown: markdown, page: SitePaths.page(page.name))
            case .failure(let failure):
                state.renderFailures.append(Diagnostic(file: page.source.displayPath, line: page.source.bodyStartLine, message: failure.description))
            }
        }
        state.views = SiteViews(content: content, labels: labels, asOf: options.asOf, itemBodies: [:], pageBodies: pageBodies,
                                lastChanged: state.lastChanged, hasChangesPage: state.changes != nil)
    }

    /// Worker processes when the build has an executable to start, otherwise this process.
    var renderer: any MarkdownRendering {
        guard let executable = options.workerExecutable else { return MarkdownRenderer() }
        return ProcessRenderPool(command: executable, limits: RenderLimits(timeout: options.renderTimeout))
    }

    func openOutput() throws(RectifyError) {
        if options.inMemory {
            state.writer = MemoryOutput()
            return
        }
        let staging = try OutputWriter(output: options.outputDirectory)
        state.staging = staging
        state.writer = staging
    }

    func openDryRun() throws(RectifyError) {
        state.writer = DryRunOutput()
    }

    /// The pages that index the items, with the rows `renderRows` made; rendered together
    /// on all cores.
    func writeIndexPages() throws(RectifyError) {
        guard let views = state.views else { return }
        let rows = state.rows
        var pages: [(template: String, path: String, view: () -> any TemplateView)] = [
            ("updates", SitePaths.updates, { views.updates(rows: rows) }),
            ("feed", SitePaths.feed, { views.feed(rows: rows) }),
            ("ledger", SitePaths.ledger, { views.ledger(rows: rows) }),
            ("home", SitePaths.home, { views.home(rows: rows) }),
            ("departments", SitePaths.departments, { views.departments() }),
        ]
        pages += views.config.categories.map { category in ("category", SitePaths.category(category.key), { views.category(category, rows: rows) }) }
        pages += views.config.statuses.map { status in ("status", SitePaths.status(status.key), { views.status(status, rows: rows) }) }
        pages += views.content.departments.map { department in
            ("department", SitePaths.department(department.key), { views.department(department, rows: rows) })
        }
        if let changes = state.changes { pages.append(("changes", SitePaths.changes, { views.changes(changes) })) }
        try writePages(pages.count) { index in (pages[index].template, pages[index].view(), pages[index].path) }
        state.rows = RenderedRows()
    }

    func writeFreePages() throws(RectifyError) {
        guard let views = state.views else { return }
        let pages = views.content.pages
        try writePages(pages.count) { index in ("page", views.page(pages[index]), SitePaths.page(pages[index].name)) }
    }

    /// `ledger.csv` for Excel and WPS, `data.json` for other systems; made side by side.
    func writeExports() throws(RectifyError) {
        guard let views = state.views, let writer = state.writer else { return }
        let itemDates = Dictionary(uniqueKeysWithValues: views.content.items.compactMap { item in
            state.lastChanged[item.source.relativePath].map { (item.id, $0) }
        })
        let exports: [Result<(String, String), RectifyError>] = parallelMap(2, serial: options.serial) { index in
            if index == 0 { return .success((SitePaths.ledgerCSV, LedgerCSV(views: views).text)) }
            do {
                return .success((SitePaths.dataJSON, try DataExport(views: views, lastModified: itemDates).json()))
            } catch {
                return .failure(.io(path: SitePaths.dataJSON, reason: "cannot encode: \(error)"))
            }
        }
        for export in exports {
            let (path, text) = try export.get()
            try writer.write(text, to: path)
            state.anchors[path] = []
        }
    }

    /// `sitemap.xml` with every HTML page written so far, and `robots.txt`.
    func writeSitemap() throws(RectifyError) {
        guard let content = state.content, let writer = state.writer else { return }
        let pages = NaturalOrder.sorted(state.anchors.keys.filter { $0.hasSuffix(".html") }) { $0 }
        let sitemap = Sitemap(paths: pages, baseURL: content.config.baseURL)
        try writer.write(sitemap.xml, to: "sitemap.xml")
        try writer.write(sitemap.robots, to: "robots.txt")
        state.anchors["sitemap.xml"] = []
        state.anchors["robots.txt"] = []
    }

    func copyStaticFiles() throws(RectifyError) {
        guard let theme = state.theme, let writer = state.writer else { return }
        for relative in Self.files(under: theme.staticDirectory) {
            try writer.copy(theme.staticDirectory.appending(path: relative), to: "static/\(relative)")
            state.anchors["static/\(relative)"] = []
        }
    }

    func copyAttachments() throws(RectifyError) {
        guard let content = state.content, let writer = state.writer else { return }
        let folder = options.contentDirectory.appending(path: "files", directoryHint: .isDirectory)
        for relative in content.files {
            try writer.copy(folder.appending(path: relative), to: SitePaths.attachment(relative))
            state.anchors[SitePaths.attachment(relative)] = []
        }
        for item in content.items where !item.attachments.isEmpty {
            let bundle = options.contentDirectory.appending(path: (item.source.relativePath as NSString).deletingLastPathComponent)
            for relative in item.attachments {
                let target = "items/\(item.id)/\(relative)"
                try writer.copy(bundle.appending(path: relative), to: target)
                state.anchors[target] = []
            }
        }
    }

    /// With `--pdf`: the print document and the ledger as PDFs, printed from the staging
    /// folder by headless Chromium. Without Chromium the build goes on and says so.
    func printPDFs() throws(RectifyError) {
        guard options.pdf, let staging = state.staging else { return }
        guard let printer = PDFPrinter.find() else {
            state.report.notes.append("--pdf: no Chromium found (looked for \(PDFPrinter.candidates.joined(separator: ", ")) on the PATH); built without PDFs")
            return
        }
        for (page, pdf) in [(SitePaths.printDocument, "print.pdf"), (SitePaths.ledger, "ledger.pdf")] {
            try printer.print(staging.staging.appending(path: page), to: staging.staging.appending(path: pdf))
            state.report.pdfs.append(pdf)
        }
    }

    func publish() throws(RectifyError) {
        guard let staging = state.staging else { return }
        state.report.filesWritten = staging.filesWritten
        try staging.publish()
        state.staging = nil
    }

    /// Renders and writes `count` pages on all cores; `page(i)` gives the template, the view
    /// and the path of page `i`. The first error, in page order, is thrown.
    func writePages(_ count: Int, _ page: (Int) -> (template: String, view: any TemplateView, path: String)) throws(RectifyError) {
        guard let theme = state.theme, let writer = state.writer else { return }
        let sink = Unchecked(writer)
        let results: [Result<(String, Set<String>), RectifyError>] = parallelMap(count, serial: options.serial) { index in
            let (template, view, path) = page(index)
            do {
                let html = try theme.render(template, view)
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
            state.anchors[path] = anchors
            state.report.pages += 1
        }
    }

    /// The theme's static files, relative to its folder, sorted: regular files, and links to
    /// regular files inside the theme (copied as files); nothing under a hidden name.
    static func files(under folder: URL) -> [String] {
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

extension SiteBuilder {
    /// With `reuseUnchangedOutput`: stops the build if the last one read exactly these
    /// inputs and its output is still as it left it.
    func checkCache() throws(RectifyError) {
        guard !options.inMemory else { return }
        guard options.reuseUnchangedOutput else {
            BuildCache.remove(for: options.outputDirectory)
            return
        }
        let inputs = InputFingerprint.of(options, git: GitHistory(directory: options.contentDirectory))
        state.inputs = inputs
        guard let cache = BuildCache.load(for: options.outputDirectory), cache.inputs == inputs,
              BuildCache.listing(of: options.outputDirectory) == cache.output else { return }
        state.report.upToDate = true
        state.report.earlierWarnings = cache.warnings
        state.report.filesWritten = 0
    }

    func saveCache() throws(RectifyError) {
        guard let inputs = state.inputs else { return }
        BuildCache(inputs: inputs, warnings: state.report.warnings.sorted().map(\.description),
                   output: BuildCache.listing(of: options.outputDirectory)).save(for: options.outputDirectory)
    }
}

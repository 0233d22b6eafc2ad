import Foundation
import RectifyMarkdown
import RectifyTheme

extension SiteBuilder {
    func loadTheme() throws(RectifyError) {
        do {
            state.theme = try Theme(
                directory: options.themeDirectory,
                overrides: options.contentDirectory.appending(path: "templates", directoryHint: .isDirectory),
                required: Self.requiredTemplates)
        } catch {
            throw .invalidContent([Diagnostic(file: error.file, line: error.line, message: error.message)])
        }
    }

    func loadContent() throws(RectifyError) {
        let loader = ContentLoader(
            directory: options.contentDirectory, displayRoot: options.contentDisplay,
            languages: Labels.languages(in: options.themeDirectory))
        let (content, warnings) = try loader.load()
        state.content = content
        state.labels = try Labels.load(language: content.config.language, theme: options.themeDirectory)
        state.report.warnings = warnings
        state.report.items = content.items.count
    }

    func renderMarkdown() throws(RectifyError) {
        guard let content = state.content, let labels = state.labels else { return }
        let renderer = MarkdownRenderer()
        var itemBodies: [String: String] = [:]
        for item in content.items { itemBodies[item.id] = renderer.render(item.source.body) }
        var pageBodies: [String: String] = [:]
        for page in content.pages { pageBodies[page.name] = renderer.render(page.source.body) }
        state.views = SiteViews(content: content, labels: labels, asOf: options.asOf, itemBodies: itemBodies, pageBodies: pageBodies)
    }

    func openOutput() throws(RectifyError) {
        state.writer = try OutputWriter(output: options.outputDirectory)
    }

    func writeItemPages() throws(RectifyError) {
        guard let views = state.views else { return }
        for (index, item) in views.content.items.enumerated() {
            try writePage("item", views.item(at: index), to: SitePaths.item(item.id))
        }
    }

    func writeCategoryPages() throws(RectifyError) {
        guard let views = state.views else { return }
        for category in views.config.categories {
            try writePage("category", views.category(category), to: SitePaths.category(category.key))
        }
    }

    func writeStatusPages() throws(RectifyError) {
        guard let views = state.views else { return }
        for status in views.config.statuses {
            try writePage("status", views.status(status), to: SitePaths.status(status.key))
        }
    }

    func writeFreePages() throws(RectifyError) {
        guard let views = state.views else { return }
        for page in views.content.pages {
            try writePage("page", views.page(page), to: SitePaths.page(page.name))
        }
    }

    func writeLedger() throws(RectifyError) {
        guard let views = state.views else { return }
        try writePage("ledger", views.ledger(), to: SitePaths.ledger)
    }

    func writeHomePage() throws(RectifyError) {
        guard let views = state.views else { return }
        try writePage("home", views.home(), to: SitePaths.home)
    }

    func copyStaticFiles() throws(RectifyError) {
        guard let theme = state.theme, let writer = state.writer else { return }
        for relative in Self.files(under: theme.staticDirectory) {
            try writer.copy(theme.staticDirectory.appending(path: relative), to: "static/\(relative)")
        }
    }

    func copyAttachments() throws(RectifyError) {
        guard let content = state.content, let writer = state.writer else { return }
        let folder = options.contentDirectory.appending(path: "files", directoryHint: .isDirectory)
        for relative in content.files {
            try writer.copy(folder.appending(path: relative), to: SitePaths.attachment(relative))
        }
    }

    func publish() throws(RectifyError) {
        guard let writer = state.writer else { return }
        state.report.filesWritten = writer.filesWritten
        try writer.publish()
        state.writer = nil
    }

    private func writePage(_ template: String, _ view: [String: Any], to path: String) throws(RectifyError) {
        guard let theme = state.theme, let writer = state.writer else { return }
        let html: String
        do {
            html = try theme.render(template, view)
        } catch {
            throw .invalidContent([Diagnostic(file: error.file, line: error.line, message: error.message)])
        }
        try writer.write(html, to: path)
        state.report.pages += 1
    }

    /// Regular files under a folder, relative to it, sorted; hidden files skipped.
    static func files(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let prefix = folder.standardizedFileURL.path + "/"
        var files: [String] = []
        for case let url as URL in enumerator where !url.lastPathComponent.hasPrefix(".") {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files.append(url.standardizedFileURL.path.replacingOccurrences(of: prefix, with: ""))
            }
        }
        return files.sorted()
    }
}

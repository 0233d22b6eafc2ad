import RectifySystem
import Foundation
import RectifyFrontMatter
import RectifyMarkdown
import RectifyTheme

/// What a finished build keeps for `serve`'s fast path: after an edit to one item's file,
/// that item's page is rendered again at once and served, before the full rebuild (which
/// updates every list and neighbouring page) finishes, as Hugo's server does with
/// "fast render".
public struct ItemPageRefresh: @unchecked Sendable {
    // Immutable after the build; the views hold only values.
    let views: SiteViews
    let theme: Theme
    let options: BuildOptions

    /// The item page for each changed file, by output path: `nil` unless every changed file
    /// is an existing item's file that still parses, keeps its ID, and renders. Anything
    /// else (a new or removed item, a changed ID, site.yml, a page, the theme) is left to
    /// the full rebuild.
    public func pages(forChanged relativePaths: [String], renderer: any MarkdownRendering) -> [String: String]? {
        guard !relativePaths.isEmpty else { return nil }
        var positions: [String: Int] = [:]
        for (index, item) in views.content.items.enumerated() { positions[item.source.relativePath] = index }
        var items = views.content.items
        var changed: [(index: Int, markdown: String)] = []
        for path in relativePaths {
            guard let index = positions[path], let (item, markdown) = reload(path, replacing: items[index]) else { return nil }
            items[index] = item
            changed.append((index, markdown))
        }
        let results = renderer.render(changed.map(\.markdown))
        let content = Content(config: views.content.config, items: items, pages: views.content.pages, files: views.content.files)
        var refreshed = SiteViews(content: content, labels: views.labels, asOf: views.asOf, itemBodies: [:], pageBodies: views.pageBodies,
                                  lastChanged: views.lastChanged, hasChangesPage: views.hasChangesPage, hasSearch: views.hasSearch)
        for ((index, _), result) in zip(changed, results) {
            guard case .success(let rendered) = result else { return nil }
            refreshed.itemBodies[items[index].id] = rendered.html
        }
        var pages: [String: String] = [:]
        let frame = refreshed.frame(path: SitePaths.item(items[0].id), title: "")
        for (index, _) in changed {
            guard let html = try? theme.render("item", refreshed.item(at: index, frame: frame)) else { return nil }
            pages[SitePaths.item(items[index].id)] = html
        }
        return pages
    }

    /// The item in `path` read again, if it parses without errors and keeps its ID; in the
    /// public edition, as that edition shows it (an item now marked internal is left to the
    /// full rebuild).
    private func reload(_ path: String, replacing old: Item) -> (Item, String)? {
        let url = options.contentDirectory.appending(path: path)
        guard case .success(let bytes) = FileBytes.read(url.path, limit: ContentLoader.maximumFileSize),
              let text = try? SourceText.decode(bytes), let document = try? MarkdownDocument(parsing: text) else { return nil }
        let log = DiagnosticLog()
        let publicEdition = options.edition == .public
        guard var item = Item.load(document, file: old.source.displayPath, relativePath: path, config: views.content.config, log: log,
                                   publicEdition: publicEdition),
              log.errors.isEmpty, item.id == old.id else { return nil }
        item.attachments = old.attachments
        guard publicEdition else { return (item, document.body) }
        guard let published = PublicEdition.published(item, config: views.content.config) else { return nil }
        return (published, InternalSections.strip(item.internalSections, from: document.body, firstLine: document.bodyStartLine))
    }
}

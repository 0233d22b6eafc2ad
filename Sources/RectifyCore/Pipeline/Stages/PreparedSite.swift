import RectifyMarkdown
import RectifyTheme

/// The second stage's output: the views every template is rendered with, the free pages'
/// Markdown rendered. Item bodies are rendered a chunk at a time as their pages are written
/// (`SiteWriter.writeItems`), to keep memory down.
struct PreparedSite {
    let site: LoadedSite
    let views: SiteViews
    /// Links in the free pages' Markdown, for the link check.
    let pageLinks: [DocumentLinks]
    /// Free pages whose Markdown could not be rendered.
    let failures: [Diagnostic]

    static func prepare(_ site: LoadedSite, renderer: any MarkdownRendering, hasSearch: Bool) -> PreparedSite {
        let content = site.content
        let results = renderer.render(site.markdown.pages)
        var pageBodies: [String: String] = [:]
        var links: [DocumentLinks] = []
        var failures: [Diagnostic] = []
        for ((page, markdown), result) in zip(zip(content.pages, site.markdown.pages), results) {
            switch result {
            case .success(let rendered):
                pageBodies[page.name] = rendered.html
                if !rendered.links.isEmpty {
                    links.append(DocumentLinks(rendered.links, of: page.source, markdown: markdown, page: SitePaths.page(page.name)))
                }
            case .failure(let failure):
                failures.append(Diagnostic(file: page.source.displayPath, line: page.source.bodyStartLine, message: failure.description))
            }
        }
        let views = SiteViews(content: content, labels: site.labels, asOf: site.asOf, itemBodies: [:], pageBodies: pageBodies,
                              lastChanged: site.lastChanged, hasChangesPage: site.changes != nil, hasSearch: hasSearch)
        return PreparedSite(site: site, views: views, pageLinks: links, failures: failures)
    }
}

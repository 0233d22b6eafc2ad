/// The whole publication as one printable document, like mdBook's print page:
/// cover, summary by category and status, contents, then every page and every item.
extension SiteViews {
    func printDocument(itemsHTML: String) -> [String: Any] {
        let path = PrintLinks.documentPath
        var view = common(path: path, title: config.title)
        view["progress"] = progress(content.items)
        view["statusColumns"] = config.statuses.map { ["label": $0.label] }
        view["summaryRows"] = config.categories.map { category -> [String: Any] in
            let items = content.items.filter { $0.category == category.key }
            return ["title": category.title, "total": items.count,
                    "counts": config.statuses.map { status in ["count": items.filter { $0.status == status.key }.count] }]
        }
        view["summaryTotals"] = config.statuses.map { status in ["count": content.items.filter { $0.status == status.key }.count] }
        view["contents"] = config.categories.map { category -> [String: Any] in
            ["title": category.title,
             "groups": category.groups.map { group -> [String: Any] in
                 ["title": group.title,
                  "items": content.items.filter { $0.category == category.key && $0.group == group.key }.map { item in
                      ["id": item.id, "title": item.title, "anchor": PrintLinks.anchor(forItem: item.id)]
                  }]
             }]
        }
        view["hasPages"] = !content.pages.isEmpty
        view["pages"] = content.pages.map { page -> [String: Any] in
            let anchor = PrintLinks.anchor(forPage: page.name)
            return ["title": page.title, "anchor": anchor,
                    "bodyHTML": PrintLinks.rebase(pageBodies[page.name] ?? "", from: SitePaths.page(page.name), section: anchor)]
        }
        view["itemsHTML"] = itemsHTML
        return view
    }
}

/// Turns the content into the plain values each template is rendered with.
///
/// Templates get dictionaries, arrays and strings only (fast for swift-mustache, and
/// nothing for a template author to call). Every URL is relative to the page it is on.
struct SiteViews {
    let content: Content
    let labels: Labels
    let asOf: Day
    /// Rendered Markdown bodies, by item ID and by page name.
    let itemBodies: [String: String]
    let pageBodies: [String: String]

    var config: SiteConfig { content.config }

    /// The values every page has: site, labels, navigation, and its own root prefix.
    func common(path: String, title: String) -> [String: Any] {
        let root = SitePaths.root(from: path)
        func link(_ target: String) -> String { root + target }
        return [
            "root": root,
            "pageTitle": title,
            "asOf": asOf.description,
            "site": [
                "title": config.title,
                "language": config.language,
                "description": config.description ?? "",
                "notice": config.notice ?? "",
            ],
            "labels": labels.values,
            "stylesheet": link(SitePaths.stylesheet),
            "nav": [
                "home": link(SitePaths.home),
                "ledger": link(SitePaths.ledger),
                "categories": config.categories.map { ["title": $0.title, "url": link(SitePaths.category($0.key)), "current": path == SitePaths.category($0.key)] },
                "statuses": config.statuses.map { ["label": $0.label, "url": link(SitePaths.status($0.key)), "current": path == SitePaths.status($0.key)] },
                "pages": content.pages.map { ["title": $0.title, "url": link(SitePaths.page($0.name)), "current": path == SitePaths.page($0.name)] },
            ] as [String: Any],
        ]
    }

    func deadlineState(_ item: Item) -> DeadlineState {
        DeadlineState.of(item, in: config, asOf: asOf)
    }

    /// An item as a row in a list or table.
    func summary(_ item: Item, root: String) -> [String: Any] {
        let status = config.status(item.status)
        let state = deadlineState(item)
        var row: [String: Any] = [
            "id": item.id,
            "title": item.title,
            "url": root + SitePaths.item(item.id),
            "leader": item.leader,
            "department": item.department,
            "deadline": item.deadline.description,
            "measures": item.measures ?? "",
            "status": ["key": item.status, "label": status?.label ?? item.status, "url": root + SitePaths.status(item.status), "done": status?.isDone ?? false],
            "state": ["key": state.rawValue, "label": labels["state_\(state.rawValue)"], "colour": state.colour],
        ]
        if let latest = item.latestUpdate {
            row["latest"] = ["date": latest.date.description, "note": latest.note]
        }
        return row
    }

    /// Completion counts for a set of items.
    func progress(_ items: [Item]) -> [String: Any] {
        let done = items.filter { config.status($0.status)?.isDone == true }.count
        return ["total": items.count, "done": done, "open": items.count - done, "percent": Percent(done, of: items.count).text, "width": Percent(done, of: items.count).cssWidth]
    }
}

/// A share shown with one decimal, computed in integers so output never varies.
struct Percent {
    /// Tenths of a percent, rounded half up.
    let tenths: Int

    init(_ part: Int, of whole: Int) {
        tenths = whole == 0 ? 0 : (part * 2000 + whole) / (2 * whole)
    }

    var text: String { "\(tenths / 10).\(tenths % 10)%" }
    var cssWidth: String { "\(tenths / 10).\(tenths % 10)%" }
}

extension SiteViews {
    func home(rows: RenderedRows) -> [String: Any] {
        let path = SitePaths.home
        var view = common(path: path, title: config.title)
        let root = SitePaths.root(from: path)
        let items = content.items
        view["progress"] = progress(items)
        view["byStatus"] = config.statuses.map { status -> [String: Any] in
            let count = items.filter { $0.status == status.key }.count
            return ["label": status.label, "key": status.key, "done": status.isDone, "url": root + SitePaths.status(status.key),
                    "count": count, "percent": Percent(count, of: items.count).text, "width": Percent(count, of: items.count).number]
        }
        view["byCategory"] = config.categories.map { category -> [String: Any] in
            let inCategory = items.filter { $0.category == category.key }
            return ["title": category.title, "url": root + SitePaths.category(category.key), "progress": progress(inCategory),
                    "groups": category.groups.map { group in
                        ["title": group.title, "progress": progress(inCategory.filter { $0.group == group.key })]
                    }]
        }
        let overdue = items.indices.filter { deadlineState(items[$0]) == .overdue }
        let dueSoon = items.indices.filter { deadlineState(items[$0]) == .dueSoon }
        view["overdue"] = overdue.map { summary(items[$0], root: root) }
        view["dueSoon"] = dueSoon.map { summary(items[$0], root: root) }
        view["overdueHTML"] = overdue.map { rows.homeEntries[$0] ?? "" }.joined()
        view["dueSoonHTML"] = dueSoon.map { rows.homeEntries[$0] ?? "" }.joined()
        view["latestUpdates"] = latestUpdates(limit: 10, root: root)
        view["chart"] = CompletionChart(items: items, config: config, asOf: asOf).view
        return view
    }

    /// Every update of every item, newest first; on one day, items in natural ID order, and
    /// one item's updates in the order written. The full key keeps the order the same in
    /// every build.
    func updatesNewestFirst() -> [(order: Int, item: Item, index: Int, update: Item.Update)] {
        content.items.enumerated().flatMap { order, item in
            item.updates.enumerated().map { index, update in (order: order, item: item, index: index, update: update) }
        }.sorted { ($0.update.date, $1.order, $1.index) > ($1.update.date, $0.order, $0.index) }
    }

    /// The newest `limit` updates as rows, each with its item.
    func latestUpdates(limit: Int, root: String) -> [[String: Any]] {
        updatesNewestFirst().prefix(limit).map { entry in
            var row = update(entry.update)
            row["item"] = summary(entry.item, root: root)
            return row
        }
    }

    func category(_ category: SiteConfig.Category, rows: RenderedRows) -> [String: Any] {
        let path = SitePaths.category(category.key)
        var view = common(path: path, title: category.title)
        let indices = content.items.indices.filter { content.items[$0].category == category.key }
        view["category"] = ["title": category.title, "key": category.key]
        view["progress"] = progress(indices.map { content.items[$0] })
        view["groups"] = category.groups.map { group -> [String: Any] in
            let inGroup = indices.filter { content.items[$0].group == group.key }
            return ["title": group.title, "key": group.key, "progress": progress(inGroup.map { content.items[$0] }),
                    "count": inGroup.count, "hasItems": !inGroup.isEmpty, "rowsHTML": inGroup.map { rows.itemTable[$0] }.joined()]
        }
        return view
    }

    func status(_ status: SiteConfig.Status, rows: RenderedRows) -> [String: Any] {
        let path = SitePaths.status(status.key)
        var view = common(path: path, title: status.label)
        let indices = content.items.indices.filter { content.items[$0].status == status.key }
        view["status"] = ["label": status.label, "key": status.key, "done": status.isDone]
        view["count"] = indices.count
        view["hasItems"] = !indices.isEmpty
        view["rowsHTML"] = indices.map { rows.itemTable[$0] }.joined()
        return view
    }

    /// An item page's own values; `shared(path:)` of any item page gives the rest.
    func item(at index: Int) -> [String: Any] {
        let item = content.items[index]
        let path = SitePaths.item(item.id)
        var view: [String: Any] = ["pageTitle": "\(item.id) \(item.title)"]
        let root = SitePaths.root(from: path)
        var summary = summary(item, root: root)
        if let category = config.category(item.category) {
            summary["category"] = ["title": category.title, "url": root + SitePaths.category(category.key)]
            summary["group"] = ["title": category.groups.first { $0.key == item.group }?.title ?? item.group]
        }
        summary["updates"] = item.updates.reversed().map(update)
        summary["bodyHTML"] = itemBodies[item.id] ?? ""
        if let changed = lastChanged[item.source.relativePath] { summary["lastModified"] = changed.description }
        view["item"] = summary
        if index > 0 { view["previous"] = self.summary(content.items[index - 1], root: root) }
        if index + 1 < content.items.count { view["next"] = self.summary(content.items[index + 1], root: root) }
        return view
    }

    func page(_ page: Page) -> [String: Any] {
        var view = common(path: SitePaths.page(page.name), title: page.title)
        view["page"] = ["title": page.title, "bodyHTML": pageBodies[page.name] ?? ""]
        return view
    }

    func ledger(rows: RenderedRows) -> [String: Any] {
        var view = common(path: SitePaths.ledger, title: labels["ledger"])
        view["rowsHTML"] = rows.ledger.joined()
        view["count"] = content.items.count
        return view
    }
}

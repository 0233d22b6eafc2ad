extension SiteViews {
    func home() -> [String: Any] {
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
        let overdue = items.filter { deadlineState($0) == .overdue }
        let dueSoon = items.filter { deadlineState($0) == .dueSoon }
        view["overdue"] = overdue.map { summary($0, root: root) }
        view["dueSoon"] = dueSoon.map { summary($0, root: root) }
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

    func category(_ category: SiteConfig.Category) -> [String: Any] {
        let path = SitePaths.category(category.key)
        var view = common(path: path, title: category.title)
        let root = SitePaths.root(from: path)
        let items = content.items.filter { $0.category == category.key }
        view["category"] = ["title": category.title, "key": category.key]
        view["progress"] = progress(items)
        view["groups"] = category.groups.map { group -> [String: Any] in
            let inGroup = items.filter { $0.group == group.key }
            return ["title": group.title, "key": group.key, "progress": progress(inGroup), "items": inGroup.map { summary($0, root: root) }]
        }
        return view
    }

    func status(_ status: SiteConfig.Status) -> [String: Any] {
        let path = SitePaths.status(status.key)
        var view = common(path: path, title: status.label)
        let root = SitePaths.root(from: path)
        let items = content.items.filter { $0.status == status.key }
        view["status"] = ["label": status.label, "key": status.key, "done": status.isDone]
        view["count"] = items.count
        view["hasItems"] = !items.isEmpty
        view["items"] = items.map { summary($0, root: root) }
        return view
    }

    func item(at index: Int) -> [String: Any] {
        let item = content.items[index]
        let path = SitePaths.item(item.id)
        var view = common(path: path, title: "\(item.id) \(item.title)")
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

    func ledger() -> [String: Any] {
        let path = SitePaths.ledger
        var view = common(path: path, title: labels["ledger"])
        let root = SitePaths.root(from: path)
        view["rows"] = content.items.enumerated().map { index, item -> [String: Any] in
            var row = summary(item, root: root)
            row["number"] = index + 1
            return row
        }
        view["count"] = content.items.count
        return view
    }
}

extension SiteViews {
    func home(rows: RenderedRows) -> HomePage {
        let path = SitePaths.home
        let root = SitePaths.root(from: path)
        let items = content.items
        let overdue = items.indices.filter { deadlineState(items[$0]) == .overdue }
        let dueSoon = items.indices.filter { deadlineState(items[$0]) == .dueSoon }
        return HomePage(
            frame: frame(path: path, title: config.title),
            progress: progress(items),
            byStatus: config.statuses.map { status in
                let count = items.filter { $0.status == status.key }.count
                return StatusCount(label: status.label, key: status.key, url: root + SitePaths.status(status.key),
                                   percent: Percent(count, of: items.count).text, width: Percent(count, of: items.count).number,
                                   done: status.isDone, count: count)
            },
            byCategory: config.categories.map { category in
                let inCategory = items.filter { $0.category == category.key }
                return CategoryProgress(title: category.title, url: root + SitePaths.category(category.key), progress: progress(inCategory),
                                        groups: category.groups.map { group in
                                            GroupProgress(title: group.title, progress: progress(inCategory.filter { $0.group == group.key }))
                                        })
            },
            overdue: overdue.map { summary(items[$0], root: root) },
            dueSoon: dueSoon.map { summary(items[$0], root: root) },
            overdueHTML: overdue.map { rows.homeEntries[$0] ?? "" }.joined(),
            dueSoonHTML: dueSoon.map { rows.homeEntries[$0] ?? "" }.joined(),
            latestUpdates: latestUpdates(limit: 10, root: root),
            chart: CompletionChart(items: items, config: config, asOf: asOf).view,
            doneIncludes: doneIncludes)
    }

    /// With more than one done status: "（含已完成、长期坚持）", the done statuses other than
    /// the one labelled like "completed", so the card says what its count includes.
    var doneIncludes: String? {
        let done = config.statuses.filter(\.isDone)
        guard done.count > 1 else { return nil }
        let others = done.filter { $0.label != labels["completed"] }.map(\.label)
        return labels["includes"].replacingOccurrences(of: "%s", with: others.joined(separator: config.language.hasPrefix("zh") ? "、" : ", "))
    }

    /// Every update of every item, newest first; on one day, items in natural ID order, and
    /// one item's updates in the order written. The full key keeps the order the same in
    /// every build.
    func updatesNewestFirst() -> [UpdateEntry] {
        content.items.enumerated().flatMap { order, item in
            item.updates.enumerated().map { index, update in UpdateEntry(order: order, index: index, update: update) }
        }.sorted { ($0.update.date, $1.order, $1.index) > ($1.update.date, $0.order, $0.index) }
    }

    /// The newest `limit` updates as rows, each with its item.
    func latestUpdates(limit: Int, root: String) -> [UpdateRow] {
        updatesNewestFirst().prefix(limit).map { entry in update(entry.update, item: summary(content.items[entry.order], root: root)) }
    }

    func category(_ category: SiteConfig.Category, rows: RenderedRows, slots: RowSlots) -> CategoryPage {
        let path = SitePaths.category(category.key)
        let root = SitePaths.root(from: path)
        let indices = content.items.indices.filter { content.items[$0].category == category.key }
        return CategoryPage(
            frame: frame(path: path, title: category.title),
            category: KeyedTitle(key: category.key, title: category.title),
            progress: progress(indices.map { content.items[$0] }),
            groups: category.groups.map { group in
                let inGroup = indices.filter { content.items[$0].group == group.key }
                return GroupSection(title: group.title, key: group.key, progress: progress(inGroup.map { content.items[$0] }),
                                    items: lazyRows(inGroup, root: root),
                                    rowsHTML: slots.place(inGroup.map { rows.itemTable[$0] }))
            })
    }

    func status(_ status: SiteConfig.Status, rows: RenderedRows, slots: RowSlots) -> ItemListPage {
        let path = SitePaths.status(status.key)
        let root = SitePaths.root(from: path)
        let indices = content.items.indices.filter { content.items[$0].status == status.key }
        return ItemListPage(
            frame: frame(path: path, title: status.label),
            status: StatusRef(key: status.key, label: status.label, url: root + SitePaths.status(status.key), done: status.isDone),
            department: nil, progress: nil,
            items: lazyRows(indices, root: root),
            rowsHTML: slots.place(indices.map { rows.itemTable[$0] }))
    }

    /// An item page; `frame` is the frame every item page shares, whose title is replaced.
    /// `row(i)` is item `i` as a row seen from an item page: its own row and its neighbours'
    /// (the build makes each once, not three times).
    func item(at index: Int, frame shared: PageFrame, row: (Int) -> ItemRow) -> ItemPage {
        let item = content.items[index]
        let root = SitePaths.root(from: SitePaths.item(item.id))
        var frame = shared
        frame.pageTitle = "\(item.id) \(item.title)"
        let category = config.category(item.category)
        let detail = ItemDetail(
            row: row(index),
            category: category.map { TitleLink(title: $0.title, url: root + SitePaths.category($0.key)) },
            group: category.map { TitleLink(title: $0.groupTitle(item.group)) },
            updates: item.updates.reversed().map { update($0) },
            bodyHTML: itemBodies[item.id] ?? "",
            lastModified: lastChanged[item.source.relativePath]?.description)
        return ItemPage(
            frame: frame, item: detail,
            previous: index > 0 ? row(index - 1) : nil,
            next: index + 1 < content.items.count ? row(index + 1) : nil)
    }

    /// An item page, with its rows made as it needs them.
    func item(at index: Int, frame: PageFrame) -> ItemPage {
        let root = SitePaths.root(from: SitePaths.item(content.items[index].id))
        return item(at: index, frame: frame) { summary(content.items[$0], root: root) }
    }

    func search() -> SearchPage {
        SearchPage(frame: frame(path: SitePaths.search, title: labels["search"]))
    }

    func page(_ page: Page) -> FreePage {
        FreePage(frame: frame(path: SitePaths.page(page.name), title: page.title),
                 page: PageBody(title: page.title, bodyHTML: pageBodies[page.name] ?? ""))
    }

    func ledger(rows: RenderedRows, slots: RowSlots) -> LedgerPage {
        let groups = config.categories.compactMap { category -> LedgerGroup? in
            let indices = content.items.indices.filter { content.items[$0].category == category.key }
            guard !indices.isEmpty else { return nil }
            return LedgerGroup(title: category.title, count: indices.count, rowsHTML: slots.place(indices.map { rows.ledger[$0] }))
        }
        return LedgerPage(frame: frame(path: SitePaths.ledger, title: labels["ledger"]), count: content.items.count,
                          rowsHTML: slots.place(rows.ledger), groups: groups)
    }
}

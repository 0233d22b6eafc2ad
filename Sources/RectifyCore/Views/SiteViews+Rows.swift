/// The rows of the long lists, each rendered once by its own partial and then placed in every
/// page that lists it: an item's table row appears on its category, status and department
/// pages. A row partial sees the row's values plus `labels` and `site`.
/// One update of one item, by the item's position and the update's.
struct UpdateEntry {
    let order: Int
    let index: Int
    let update: Item.Update
}

struct RenderedRows {
    /// `partials/item-row`, by item position: for pages two folders deep.
    var itemTable: [String] = []
    /// `partials/ledger-row`, by item position.
    var ledger: [String] = []
    /// `partials/update-row` and `partials/feed-entry`, newest update first.
    var updates: [String] = []
    var feed: [String] = []
    var newestUpdate: Day?
    /// `partials/item-entry` for the home page's overdue and due-soon lists, by item position.
    var homeEntries: [Int: String] = [:]
}

extension SiteViews {
    func itemTableRow(_ index: Int) -> ItemRow {
        summary(content.items[index], root: SitePaths.root(from: SitePaths.item(content.items[index].id)))
    }

    func ledgerRow(_ index: Int) -> LedgerRow {
        LedgerRow(row: summary(content.items[index], root: SitePaths.root(from: SitePaths.ledger)), number: index + 1)
    }

    func homeEntry(_ index: Int) -> ItemRow {
        summary(content.items[index], root: SitePaths.root(from: SitePaths.home))
    }

    /// Items listed on the home page: overdue or due soon.
    var homeEntryIndices: [Int] {
        content.items.indices.filter { [.overdue, .dueSoon].contains(deadlineState(content.items[$0])) }
    }

    /// Item `index` as a row seen from the updates page, if it has updates: made once for all
    /// of its updates.
    func updatesPageItem(_ index: Int) -> ItemRow? {
        content.items[index].updates.isEmpty ? nil : summary(content.items[index], root: SitePaths.root(from: SitePaths.updates))
    }

    /// An Atom entry. Links are relative to `feed.xml`, which sits at the site root; IDs are
    /// tag URIs built from the item ID and the update's position, so they stay the same
    /// across builds.
    func feedEntry(_ entry: UpdateEntry) -> FeedEntry {
        let item = content.items[entry.order]
        let status = entry.update.status.flatMap { config.status($0)?.label } ?? ""
        return FeedEntry(id: "tag:rectify.invalid,2026:item/\(item.id)/update/\(entry.index + 1)",
                         title: "\(item.id) \(item.title)\(status.isEmpty ? "" : " · \(status)")",
                         updated: entry.update.date.description + "T00:00:00Z",
                         url: SitePaths.item(item.id), summary: entry.update.note, labels: labels.values, site: site)
    }

    /// An item in the print document: its page, with links rebased into the document.
    func printItem(_ index: Int) -> PrintItem {
        let item = content.items[index]
        let anchor = PrintLinks.anchor(forItem: item.id)
        let category = config.category(item.category)
        return PrintItem(
            row: summary(item, root: SitePaths.root(from: PrintLinks.documentPath)), anchor: anchor,
            bodyHTML: PrintLinks.rebase(itemBodies[item.id] ?? "", from: SitePaths.item(item.id), section: anchor),
            updates: item.updates.reversed().map { update($0) },
            category: category.map { TitleLink(title: $0.title) },
            group: category.map { TitleLink(title: $0.groupTitle(item.group)) })
    }
}

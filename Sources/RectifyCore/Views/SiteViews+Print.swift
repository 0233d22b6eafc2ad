/// The whole publication as one printable document, like mdBook's print page:
/// cover, summary by category and status, contents, then every page and every item.
extension SiteViews {
    func printDocument(itemsHTML: String) -> PrintPage {
        PrintPage(
            frame: frame(path: PrintLinks.documentPath, title: config.title),
            progress: progress(content.items),
            statusColumns: config.statuses.map { LabelCell(label: $0.label) },
            summaryRows: config.categories.map { category in
                let items = content.items.filter { $0.category == category.key }
                return SummaryRow(title: category.title, total: items.count,
                                  counts: config.statuses.map { status in CountCell(count: items.filter { $0.status == status.key }.count) },
                                  overdue: items.filter { deadlineState($0) == .overdue }.count, percent: progress(items).percent)
            },
            summaryTotals: config.statuses.map { status in CountCell(count: content.items.filter { $0.status == status.key }.count) },
            contents: config.categories.map { category in
                ContentsCategory(title: category.title, groups: category.groups.map { group in
                    ContentsGroup(title: group.title, items: content.items.filter { $0.category == category.key && $0.group == group.key }.map { item in
                        ContentsEntry(id: item.id, title: item.title, anchor: PrintLinks.anchor(forItem: item.id))
                    })
                })
            },
            pages: content.pages.map { page in
                let anchor = PrintLinks.anchor(forPage: page.name)
                return PrintSection(title: page.title, anchor: anchor,
                                    bodyHTML: PrintLinks.rebase(pageBodies[page.name] ?? "", from: SitePaths.page(page.name), section: anchor))
            },
            itemsHTML: itemsHTML,
            asOfLong: config.language.hasPrefix("zh") ? "\(asOf.year)年\(asOf.month)月\(asOf.day)日" : Self.englishDate(asOf),
            overdue: content.items.filter { deadlineState($0) == .overdue }.count)
    }

    static func englishDate(_ day: Day) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(day.day) \(months[day.month - 1]) \(day.year)"
    }
}

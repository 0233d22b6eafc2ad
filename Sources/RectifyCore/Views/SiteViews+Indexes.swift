import Foundation

/// Pages that index the items by department and by update, and the Atom feed.
extension SiteViews {
    func departments() -> DepartmentsPage {
        let path = SitePaths.departments
        let root = SitePaths.root(from: path)
        return DepartmentsPage(frame: frame(path: path, title: labels["departments"]), departments: content.departments.map { department in
            let items = content.items.filter { $0.department == department.name }
            return DepartmentSummary(name: department.name, url: root + SitePaths.department(department.key), progress: progress(items),
                                     overdue: items.filter { deadlineState($0) == .overdue }.count)
        })
    }

    func department(_ department: Department, rows: RenderedRows, slots: RowSlots) -> ItemListPage {
        let path = SitePaths.department(department.key)
        let root = SitePaths.root(from: path)
        let indices = content.items.indices.filter { content.items[$0].department == department.name }
        return ItemListPage(
            frame: frame(path: path, title: department.name), status: nil,
            department: KeyedTitle(key: department.key, title: department.name),
            progress: progress(indices.map { content.items[$0] }),
            items: lazyRows(indices, root: root),
            rowsHTML: slots.place(indices.map { rows.itemTable[$0] }))
    }

    func updates(rows: RenderedRows, slots: RowSlots) -> RowsPage {
        RowsPage(frame: frame(path: SitePaths.updates, title: labels["all_updates"]), count: rows.updates.count, rowsHTML: slots.place(rows.updates))
    }

    /// The Atom feed: one entry per update. Links are relative to `feed.xml`, which sits at
    /// the site root; IDs are tag URIs built from the item ID, date and position, so they
    /// stay the same across builds.
    func feed(rows: RenderedRows, slots: RowSlots) -> FeedPage {
        FeedPage(frame: frame(path: SitePaths.feed, title: config.title),
                 feedID: "tag:rectify.invalid,2026:\(Self.tagSafe(config.title))",
                 updated: (rows.newestUpdate ?? asOf).description + "T00:00:00Z",
                 entriesXML: slots.place(rows.feed))
    }

    private static func tagSafe(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : "-" })
            .addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "site"
    }
}

import Foundation

/// Pages that index the items by department and by update, and the Atom feed.
extension SiteViews {
    func departments() -> [String: Any] {
        let path = SitePaths.departments
        var view = common(path: path, title: labels["departments"])
        let root = SitePaths.root(from: path)
        view["departments"] = content.departments.map { department -> [String: Any] in
            let items = content.items.filter { $0.department == department.name }
            return ["name": department.name, "url": root + SitePaths.department(department.key), "progress": progress(items),
                    "overdue": items.filter { deadlineState($0) == .overdue }.count]
        }
        return view
    }

    func department(_ department: Department, rows: RenderedRows) -> [String: Any] {
        let path = SitePaths.department(department.key)
        var view = common(path: path, title: department.name)
        let indices = content.items.indices.filter { content.items[$0].department == department.name }
        view["department"] = ["name": department.name, "key": department.key]
        view["progress"] = progress(indices.map { content.items[$0] })
        view["count"] = indices.count
        view["hasItems"] = !indices.isEmpty
        view["rowsHTML"] = indices.map { rows.itemTable[$0] }.joined()
        return view
    }

    func updates(rows: RenderedRows) -> [String: Any] {
        var view = common(path: SitePaths.updates, title: labels["all_updates"])
        view["rowsHTML"] = rows.updates.joined()
        view["count"] = rows.updates.count
        view["hasUpdates"] = !rows.updates.isEmpty
        return view
    }

    /// The Atom feed: one entry per update. Links are relative to `feed.xml`, which sits at
    /// the site root; IDs are tag URIs built from the item ID, date and position, so they
    /// stay the same across builds.
    func feed(rows: RenderedRows) -> [String: Any] {
        var view = common(path: SitePaths.feed, title: config.title)
        view["feedID"] = "tag:rectify.invalid,2026:\(Self.tagSafe(config.title))"
        view["updated"] = (rows.newestUpdate ?? asOf).description + "T00:00:00Z"
        view["entriesXML"] = rows.feed.joined()
        return view
    }

    private static func tagSafe(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : "-" })
            .addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "site"
    }
}

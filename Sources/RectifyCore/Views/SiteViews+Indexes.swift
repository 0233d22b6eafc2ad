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

    func department(_ department: Department) -> [String: Any] {
        let path = SitePaths.department(department.key)
        var view = common(path: path, title: department.name)
        let root = SitePaths.root(from: path)
        let items = content.items.filter { $0.department == department.name }
        view["department"] = ["name": department.name, "key": department.key]
        view["progress"] = progress(items)
        view["items"] = items.map { summary($0, root: root) }
        return view
    }

    func updates() -> [String: Any] {
        let path = SitePaths.updates
        var view = common(path: path, title: labels["all_updates"])
        let entries = latestUpdates(limit: Int.max, root: SitePaths.root(from: path))
        view["updates"] = entries
        view["count"] = entries.count
        return view
    }

    /// The Atom feed: one entry per update. Links are relative to `feed.xml`, which sits at
    /// the site root; IDs are tag URIs built from the item ID, date and position, so they
    /// stay the same across builds.
    func feed() -> [String: Any] {
        var view = common(path: SitePaths.feed, title: config.title)
        let entries = updatesNewestFirst()
        view["feedID"] = "tag:rectify.invalid,2026:\(Self.tagSafe(config.title))"
        view["updated"] = (entries.first?.update.date ?? asOf).description + "T00:00:00Z"
        view["entries"] = entries.map { entry -> [String: Any] in
            let status = entry.update.status.flatMap { config.status($0)?.label } ?? ""
            return ["id": "tag:rectify.invalid,2026:item/\(entry.item.id)/update/\(entry.index + 1)",
                    "title": "\(entry.item.id) \(entry.item.title)\(status.isEmpty ? "" : " · \(status)")",
                    "updated": entry.update.date.description + "T00:00:00Z",
                    "url": SitePaths.item(entry.item.id),
                    "summary": entry.update.note]
        }
        return view
    }

    private static func tagSafe(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : "-" })
            .addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "site"
    }
}

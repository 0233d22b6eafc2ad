/// The "changes since the previous publication" page.
extension SiteViews {
    func changes(_ changes: ChangeSummary) -> [String: Any] {
        let path = SitePaths.changes
        var view = common(path: path, title: labels["changes"])
        let root = SitePaths.root(from: path)
        func label(_ status: String?) -> String { status.flatMap { config.status($0)?.label } ?? labels["new_item"] }
        view["baseline"] = changes.baseline
        view["added"] = changes.added.map { summary($0, root: root) }
        view["statusChanges"] = changes.statusChanges.map { change -> [String: Any] in
            var row = self.summary(change.item, root: root)
            row["from"] = label(change.from)
            row["to"] = label(change.to)
            return row
        }
        view["newUpdates"] = changes.newUpdates.map { entry -> [String: Any] in
            var row = self.summary(entry.item, root: root)
            row["updates"] = entry.updates.reversed().map(update)
            return row
        }
        view["closed"] = changes.closed.map { summary($0, root: root) }
        view["hasChanges"] = !(changes.added.isEmpty && changes.statusChanges.isEmpty && changes.newUpdates.isEmpty)
        return view
    }
}

/// The "changes since the previous publication" page.
extension SiteViews {
    func changes(_ changes: ChangeSummary) -> ChangesPage {
        let path = SitePaths.changes
        let root = SitePaths.root(from: path)
        func label(_ status: String?) -> String { status.flatMap { config.status($0)?.label } ?? labels["new_item"] }
        return ChangesPage(
            frame: frame(path: path, title: labels["changes"]),
            baseline: changes.baseline,
            added: changes.added.map { summary($0, root: root) },
            statusChanges: changes.statusChanges.map { StatusChange(row: summary($0.item, root: root), from: label($0.from), to: label($0.to)) },
            newUpdates: changes.newUpdates.map { ItemUpdates(row: summary($0.item, root: root), updates: $0.updates.reversed().map { update($0) }) },
            closed: changes.closed.map { summary($0, root: root) },
            hasChanges: !(changes.added.isEmpty && changes.statusChanges.isEmpty && changes.newUpdates.isEmpty))
    }
}

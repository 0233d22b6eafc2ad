/// What changed in the items between a baseline (the previous publication) and now.
struct ChangeSummary {
    struct StatusChange {
        let item: Item
        let from: String?
        let to: String
    }

    let baseline: String
    /// Items that did not exist at the baseline.
    let added: [Item]
    /// Items whose status differs from the baseline's.
    let statusChanges: [StatusChange]
    /// Items with updates that the baseline did not have, with those updates.
    let newUpdates: [(item: Item, updates: [Item.Update])]
    /// Items now in a done status that were not done at the baseline.
    let closed: [Item]

    init(baseline: String, before: [Item], now: [Item], config: SiteConfig) {
        self.baseline = baseline
        let old = Dictionary(before.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        added = now.filter { old[$0.id] == nil }
        statusChanges = now.compactMap { item in
            let previous = old[item.id]?.status
            return previous == item.status ? nil : StatusChange(item: item, from: previous, to: item.status)
        }
        newUpdates = now.compactMap { item in
            let known = Set((old[item.id]?.updates ?? []).map { "\($0.date)\u{0}\($0.note)" })
            let fresh = item.updates.filter { !known.contains("\($0.date)\u{0}\($0.note)") }
            return fresh.isEmpty ? nil : (item, fresh)
        }
        func isDone(_ status: String?) -> Bool { status.flatMap { config.status($0)?.isDone } == true }
        closed = now.filter { isDone($0.status) && !isDone(old[$0.id]?.status) }
    }
}

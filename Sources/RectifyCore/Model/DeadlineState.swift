/// Where an item stands against its deadline on the as-of date (三色预警).
public enum DeadlineState: String, Sendable, CaseIterable {
    case completedOnTime = "completed-on-time"
    case completedLate = "completed-late"
    /// Done, but no update records when: never shown as on time.
    case completedUndated = "completed-undated"
    case onTrack = "on-track"
    case dueSoon = "due-soon"
    case overdue = "overdue"

    /// The warning colour: green, yellow or red.
    public var colour: String {
        switch self {
        case .completedOnTime, .onTrack: return "green"
        case .dueSoon, .completedUndated: return "yellow"
        case .completedLate, .overdue: return "red"
        }
    }

    /// The state of `item` on `asOf`.
    ///
    /// A completed item is late when the update that last moved it to a done status is
    /// dated after the deadline (`completedOn` where that update is not published); with no
    /// such update its completion date is unknown, and it is never called on time.
    /// An open item is overdue from the day after its deadline, and due soon from
    /// `warningDays` days before it up to and including the deadline itself.
    public static func of(_ item: Item, in config: SiteConfig, asOf: Day) -> DeadlineState {
        if config.status(item.status)?.isDone == true {
            guard let completed = item.completedOn ?? item.completionUpdate(in: config)?.date else { return .completedUndated }
            return completed > item.deadline ? .completedLate : .completedOnTime
        }
        let daysLeft = asOf.days(until: item.deadline)
        if daysLeft < 0 { return .overdue }
        if daysLeft <= config.warningDays { return .dueSoon }
        return .onTrack
    }
}

extension Item {
    /// The update that last moved the item to a done status, if any: its date is when the
    /// item was completed.
    public func completionUpdate(in config: SiteConfig) -> Update? {
        updates.last { update in update.status.flatMap { config.status($0)?.isDone } == true }
    }
}

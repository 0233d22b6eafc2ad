import RectifyTheme

/// What changed since the previous publication.
struct ChangesPage: TemplateView {
    var frame: PageFrame
    var baseline: String
    var added: [ItemRow]
    var statusChanges: [StatusChange]
    var newUpdates: [ItemUpdates]
    var closed: [ItemRow]
    var hasChanges: Bool

    static let contract = ViewContract<ChangesPage>("ChangesPage", "`changes`: what changed since the previous publication. Also every field of PageFrame.",
        ViewContract<ChangesPage>.Field.all(of: \.frame) + [
            .text("baseline", "the git revision compared with (a tag)", \.baseline),
            .list("added", "items that did not exist then", \.added),
            .list("statusChanges", "items whose status changed", \.statusChanges),
            .list("newUpdates", "items with updates added since", \.newUpdates),
            .list("closed", "items that reached a done status", \.closed),
            .flag("hasChanges", "whether anything changed", \.hasChanges),
        ])
}

struct StatusChange: TemplateView {
    var row: ItemRow
    var from, to: String

    static let contract = ViewContract<StatusChange>("StatusChange", "An item whose status changed. Also every field of ItemRow.",
        ViewContract<StatusChange>.Field.all(of: \.row) + [
            .text("from", "the status then", \.from),
            .text("to", "the status now", \.to),
        ])
}

struct ItemUpdates: TemplateView {
    var row: ItemRow
    var updates: [UpdateRow]

    static let contract = ViewContract<ItemUpdates>("ItemUpdates", "An item with its new updates. Also every field of ItemRow.",
        ViewContract<ItemUpdates>.Field.all(of: \.row) + [
            .list("updates", "the new updates, newest first", \.updates),
        ])
}

import RectifyTheme

/// An item as a row of a list or table: what the row partials (`item-row`, `ledger-row`,
/// `item-entry`) and every list of items see.
///
/// A class: an item page holds its own row and its neighbours', and the shape walk passes
/// each around without copying its twenty fields.
final class ItemRow: TemplateView {
    let id, title, url, leader, department, departmentURL, deadline: String
    let status: StatusRef
    let state: StateRef
    let measures: String?
    let latest: DatedNote?
    /// The co-operating units (配合单位), joined, when there are any.
    let coDepartments: String?
    /// "逾期 12 天" for an overdue item, "剩 3 天" for one due soon.
    let deadlineNote: String?
    /// The labels and site, so that a row partial rendered on its own has them too.
    let labels: [String: String]
    let site: SiteInfo

    init(id: String, title: String, url: String, leader: String, department: String, departmentURL: String, deadline: String,
         status: StatusRef, state: StateRef, measures: String?, latest: DatedNote?, coDepartments: String?, deadlineNote: String?,
         labels: [String: String], site: SiteInfo) {
        (self.id, self.title, self.url, self.leader, self.department, self.departmentURL, self.deadline) = (id, title, url, leader, department, departmentURL, deadline)
        (self.status, self.state, self.measures, self.latest) = (status, state, measures, latest)
        (self.coDepartments, self.deadlineNote, self.labels, self.site) = (coDepartments, deadlineNote, labels, site)
    }

    static let contract = ViewContract<ItemRow>("ItemRow", "An item as a row of a list or table.", [
        .text("id", "the item's ID", \.id),
        .text("title", "the problem, in one line", \.title),
        .text("url", "the item's page", \.url),
        .text("leader", "the responsible leader", \.leader),
        .text("department", "the responsible unit", \.department),
        .text("departmentURL", "the unit's page", \.departmentURL),
        .text("coDepartments", "the co-operating units (配合单位), joined, when `department` lists more than one", \.coDepartments),
        .text("deadline", "the deadline, YYYY-MM-DD", \.deadline),
        .view("status", "the item's status", \.status),
        .view("state", "the deadline state against the as-of date", \.state),
        .text("measures", "the one-line summary of the measures, when given", \.measures),
        .view("latest", "the newest dated update, when there is one", \.latest),
        .text("deadlineNote", "how far off the deadline is, for overdue items (`逾期 12 天`) and items due soon (`剩 3 天`)", \.deadlineNote),
        .labels("labels", "the theme's words (as on every page)", \.labels),
        .view("site", "the site (as on every page)", \.site),
    ])
}

/// A status as an item has it.
struct StatusRef: TemplateView {
    var key, label, url: String
    var done: Bool

    static let contract = ViewContract<StatusRef>("StatusRef", "A status.", [
        .text("key", "its key in `site.yml`, e.g. for a CSS class", \.key),
        .text("label", "its label", \.label),
        .text("url", "its page", \.url),
        .flag("done", "whether it counts as completed", \.done),
    ])
}

/// Where an item stands against its deadline.
struct StateRef: TemplateView {
    var key, label, colour: String

    static let contract = ViewContract<StateRef>("DeadlineState", "Where an item stands against its deadline.", [
        .text("key", "`overdue`, `due-soon`, `on-track`, `completed-on-time`, `completed-late` or `completed-undated` (done, with no update saying when)", \.key),
        .text("label", "its words in the site's language", \.label),
        .text("colour", "the warning colour: `red`, `yellow` or `green`", \.colour),
    ])
}

/// A date and a note.
struct DatedNote: TemplateView {
    var date, note: String

    static let contract = ViewContract<DatedNote>("DatedNote", "An update's date and note.", [
        .text("date", "YYYY-MM-DD", \.date),
        .text("note", "what was done", \.note),
    ])
}

/// A dated update, with the item it belongs to where listed across items.
struct UpdateRow: TemplateView {
    var date, note: String
    var statusLabel: String?
    var item: ItemRow?
    var labels: [String: String]
    var site: SiteInfo

    static let contract = ViewContract<UpdateRow>("UpdateRow", "A dated update (`update-row` and every timeline).", [
        .text("date", "YYYY-MM-DD", \.date),
        .text("note", "what was done", \.note),
        .text("statusLabel", "the status this update moved the item to, when it did", \.statusLabel),
        .view("item", "the item, in lists across items (updates page, dashboard)", \.item),
        .labels("labels", "the theme's words", \.labels),
        .view("site", "the site", \.site),
    ])
}

/// An item on its own page: the row's fields and everything else it has.
struct ItemDetail: TemplateView {
    var row: ItemRow
    var category: TitleLink?
    var group: TitleLink?
    var updates: [UpdateRow]
    var bodyHTML: String
    var lastModified: String?

    static let contract = ViewContract<ItemDetail>("ItemDetail", "An item with everything it has (item page). Also every field of ItemRow.",
        ViewContract<ItemDetail>.Field.all(of: \.row) + [
            .view("category", "its category, with its page", \.category),
            .view("group", "its group (title only)", \.group),
            .list("updates", "its dated updates, newest first", \.updates),
            .html("bodyHTML", "the Markdown body as HTML", \.bodyHTML),
            .text("lastModified", "when its file last changed in git, YYYY-MM-DD", \.lastModified),
        ])
}

/// An item page.
struct ItemPage: TemplateView {
    var frame: PageFrame
    var item: ItemDetail
    var previous: ItemRow?
    var next: ItemRow?

    static let contract = ViewContract<ItemPage>("ItemPage", "`item`: one page per item. Also every field of PageFrame.",
        ViewContract<ItemPage>.Field.all(of: \.frame) + [
            .view("item", "the item", \.item),
            .view("previous", "the item before, in natural ID order", \.previous),
            .view("next", "the item after", \.next),
        ])
}

/// A row of the ledger (`ledger-row`).
struct LedgerRow: TemplateView {
    var row: ItemRow
    var number: Int

    static let contract = ViewContract<LedgerRow>("LedgerRow", "An item as a row of the ledger. Also every field of ItemRow.",
        ViewContract<LedgerRow>.Field.all(of: \.row) + [
            .number("number", "its position in the ledger, from 1 (序号)", \.number),
        ])
}

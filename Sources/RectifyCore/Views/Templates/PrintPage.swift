import RectifyTheme

/// The whole publication as one printable document.
struct PrintPage: TemplateView {
    var frame: PageFrame
    var progress: ProgressView
    var statusColumns: [LabelCell]
    var summaryRows: [SummaryRow]
    var summaryTotals: [CountCell]
    var contents: [ContentsCategory]
    var pages: [PrintSection]
    var itemsHTML: String
    /// The as-of date in words: `2026年11月26日`, or `26 November 2026`.
    var asOfLong: String
    var overdue: Int

    static let contract = ViewContract<PrintPage>("PrintPage", "`print`: cover, summary, contents, every page and item. Also every field of PageFrame.",
        ViewContract<PrintPage>.Field.all(of: \.frame) + [
            .view("progress", "completion of all items", \.progress),
            .list("statusColumns", "the statuses, as the summary's columns", \.statusColumns),
            .list("summaryRows", "one row per category", \.summaryRows),
            .list("summaryTotals", "the totals per status", \.summaryTotals),
            .list("contents", "the contents: categories, groups, items", \.contents),
            .flag("hasPages", "whether there are free pages", \.hasPages),
            .list("pages", "the free pages", \.pages),
            .html("itemsHTML", "every item, each from `partials/print-item`", \.itemsHTML),
            .text("asOfLong", "the as-of date in words, `2026年11月26日` (a cover's date)", \.asOfLong),
            .number("overdue", "overdue items in all", \.overdue),
        ])

    var hasPages: Bool { !pages.isEmpty }
}

struct LabelCell: TemplateView {
    var label: String
    static let contract = ViewContract<LabelCell>("LabelCell", "A column heading.", [.text("label", "its text", \.label)])
}

struct CountCell: TemplateView {
    var count: Int
    static let contract = ViewContract<CountCell>("CountCell", "A count in the summary.", [.number("count", "the count", \.count)])
}

struct SummaryRow: TemplateView {
    var title: String
    var total: Int
    var counts: [CountCell]
    var overdue: Int
    var percent: String

    static let contract = ViewContract<SummaryRow>("SummaryRow", "A category in the print summary.", [
        .text("title", "the category", \.title),
        .number("total", "its items", \.total),
        .list("counts", "its items per status, in the order of `statusColumns`", \.counts),
        .number("overdue", "its overdue items", \.overdue),
        .text("percent", "its completion rate, `25.0%`", \.percent),
    ])
}

struct ContentsCategory: TemplateView {
    var title: String
    var groups: [ContentsGroup]

    static let contract = ViewContract<ContentsCategory>("ContentsCategory", "A category in the contents.", [
        .text("title", "its title", \.title),
        .list("groups", "its groups", \.groups),
    ])
}

struct ContentsGroup: TemplateView {
    var title: String
    var items: [ContentsEntry]

    static let contract = ViewContract<ContentsGroup>("ContentsGroup", "A group in the contents.", [
        .text("title", "its title", \.title),
        .list("items", "its items", \.items),
    ])
}

struct ContentsEntry: TemplateView {
    var id, title, anchor: String

    static let contract = ViewContract<ContentsEntry>("ContentsEntry", "An item in the contents.", [
        .text("id", "its ID", \.id),
        .text("title", "its title", \.title),
        .text("anchor", "the id of its section in the document", \.anchor),
    ])
}

struct PrintSection: TemplateView {
    var title, anchor, bodyHTML: String

    static let contract = ViewContract<PrintSection>("PrintSection", "A free page in the document.", [
        .text("title", "its title", \.title),
        .text("anchor", "the id of its section", \.anchor),
        .html("bodyHTML", "its body, links rebased into the document", \.bodyHTML),
    ])
}

/// An item in the print document (`partials/print-item`).
struct PrintItem: TemplateView {
    var row: ItemRow
    var anchor, bodyHTML: String
    var updates: [UpdateRow]
    var category: TitleLink?
    var group: TitleLink?

    static let contract = ViewContract<PrintItem>("PrintItem", "An item in the print document. Also every field of ItemRow.",
        ViewContract<PrintItem>.Field.all(of: \.row) + [
            .text("anchor", "the id of its section", \.anchor),
            .html("bodyHTML", "its body, links rebased into the document", \.bodyHTML),
            .list("updates", "its dated updates, newest first", \.updates),
            .view("category", "its category (title)", \.category),
            .view("group", "its group (title)", \.group),
        ])
}

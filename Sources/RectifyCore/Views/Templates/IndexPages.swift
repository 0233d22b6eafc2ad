import RectifyTheme

/// A category page: its items grouped under their groups.
struct CategoryPage: TemplateView {
    var frame: PageFrame
    var category: KeyedTitle
    var progress: ProgressView
    var groups: [GroupSection]

    static let contract = ViewContract<CategoryPage>("CategoryPage", "`category`: one page per category. Also every field of PageFrame.",
        ViewContract<CategoryPage>.Field.all(of: \.frame) + [
            .view("category", "the category", \.category),
            .view("progress", "completion of its items", \.progress),
            .list("groups", "its groups, in `site.yml` order", \.groups),
        ])
}

/// A key with its title (category) or name (department).
struct KeyedTitle: TemplateView {
    var key, title: String

    static let contract = ViewContract<KeyedTitle>("KeyedTitle", "A category or department.", [
        .text("key", "its key", \.key),
        .text("title", "its title", \.title),
        .text("name", "the same as `title` (a department's name)", \.title),
    ])
}

/// One group of a category page.
struct GroupSection: TemplateView {
    var title, key: String
    var progress: ProgressView
    var items: LazyList<ItemRow>
    var rowsHTML: String

    static let contract = ViewContract<GroupSection>("GroupSection", "A group on its category's page.", [
        .text("title", "its title", \.title),
        .text("key", "its key", \.key),
        .view("progress", "completion of its items", \.progress),
        .number("count", "how many items it has", \.items.count),
        .flag("hasItems", "whether it has any", \.hasItems),
        .list("items", "its items, in natural ID order, to loop over in a template of your own", \.items),
        .html("rowsHTML", "its items as table rows, each from `partials/item-row` (the fast default)", \.rowsHTML),
    ])

    var hasItems: Bool { items.count > 0 }
}

/// A page listing items that share something: a status or a department.
struct ItemListPage: TemplateView {
    var frame: PageFrame
    var status: StatusRef?
    var department: KeyedTitle?
    var progress: ProgressView?
    var items: LazyList<ItemRow>
    var rowsHTML: String

    static let contract = ViewContract<ItemListPage>("ItemListPage", "`status` and `department`: one page per status and per department. Also every field of PageFrame.",
        ViewContract<ItemListPage>.Field.all(of: \.frame) + [
            .view("status", "the status (status pages)", \.status),
            .view("department", "the department (department pages)", \.department),
            .view("progress", "completion of its items (department pages)", \.progress),
            .number("count", "how many items it lists", \.items.count),
            .flag("hasItems", "whether it lists any", \.hasItems),
            .list("items", "its items, in natural ID order, to loop over in a template of your own", \.items),
            .html("rowsHTML", "its items as table rows, each from `partials/item-row` (the fast default)", \.rowsHTML),
        ])

    var hasItems: Bool { items.count > 0 }
}

/// The list of departments.
struct DepartmentsPage: TemplateView {
    var frame: PageFrame
    var departments: [DepartmentSummary]

    static let contract = ViewContract<DepartmentsPage>("DepartmentsPage", "`departments`: every responsible unit. Also every field of PageFrame.",
        ViewContract<DepartmentsPage>.Field.all(of: \.frame) + [
            .list("departments", "each unit, in the order of `site.yml`, then by name", \.departments),
        ])
}

struct DepartmentSummary: TemplateView {
    var name, url: String
    var progress: ProgressView
    var overdue: Int

    static let contract = ViewContract<DepartmentSummary>("DepartmentSummary", "A unit on the departments page.", [
        .text("name", "its name", \.name),
        .text("url", "its page", \.url),
        .view("progress", "completion of its items", \.progress),
        .number("overdue", "its overdue items", \.overdue),
    ])
}

/// A page made of rows rendered by a row partial: the ledger, the updates.
struct RowsPage: TemplateView {
    var frame: PageFrame
    var count: Int
    var rowsHTML: String

    static let contract = ViewContract<RowsPage>("RowsPage", "`updates`. Also every field of PageFrame.",
        ViewContract<RowsPage>.Field.all(of: \.frame) + [
            .number("count", "how many rows", \.count),
            .flag("hasUpdates", "whether there is any row", \.hasRows),
            .html("rowsHTML", "the rows, each from `partials/update-row`", \.rowsHTML),
        ])

    var hasRows: Bool { count > 0 }
}

/// The ledger: every item as a row, grouped under its category (方面).
struct LedgerPage: TemplateView {
    var frame: PageFrame
    var count: Int
    var rowsHTML: String
    var groups: [LedgerGroup]

    static let contract = ViewContract<LedgerPage>("LedgerPage", "`ledger`: the ledger (整改台账). Also every field of PageFrame.",
        ViewContract<LedgerPage>.Field.all(of: \.frame) + [
            .number("count", "how many items", \.count),
            .html("rowsHTML", "every row, each from `partials/ledger-row`, ungrouped", \.rowsHTML),
            .list("groups", "the rows grouped by category, in `site.yml` order", \.groups),
        ])
}

/// One category's rows in the ledger.
struct LedgerGroup: TemplateView {
    var title: String
    var count: Int
    var rowsHTML: String

    static let contract = ViewContract<LedgerGroup>("LedgerGroup", "A category's part of the ledger.", [
        .text("title", "the category", \.title),
        .number("count", "its items", \.count),
        .html("rowsHTML", "its rows, each from `partials/ledger-row`", \.rowsHTML),
    ])
}

/// A free page.
struct FreePage: TemplateView {
    var frame: PageFrame
    var page: PageBody

    static let contract = ViewContract<FreePage>("FreePage", "`page`: one per file in `content/pages/`. Also every field of PageFrame.",
        ViewContract<FreePage>.Field.all(of: \.frame) + [
            .view("page", "the page", \.page),
        ])
}

struct PageBody: TemplateView {
    var title, bodyHTML: String

    static let contract = ViewContract<PageBody>("PageBody", "A free page's title and body.", [
        .text("title", "its title", \.title),
        .html("bodyHTML", "its Markdown as HTML", \.bodyHTML),
    ])
}

/// The Atom feed.
struct FeedPage: TemplateView {
    var frame: PageFrame
    var feedID, updated, entriesXML: String

    static let contract = ViewContract<FeedPage>("FeedPage", "`feed`: `feed.xml`. Also every field of PageFrame.",
        ViewContract<FeedPage>.Field.all(of: \.frame) + [
            .text("feedID", "a tag URI that stays the same across builds", \.feedID),
            .text("updated", "the newest update's date, as an Atom timestamp", \.updated),
            .html("entriesXML", "the entries, each from `partials/feed-entry`", \.entriesXML),
        ])
}

/// One Atom entry.
struct FeedEntry: TemplateView {
    var id, title, updated, url, summary: String
    var labels: [String: String]
    var site: SiteInfo

    static let contract = ViewContract<FeedEntry>("FeedEntry", "An update as an Atom entry (`feed-entry`).", [
        .text("id", "a tag URI built from the item ID and the update's position", \.id),
        .text("title", "the item's ID and title, and the new status", \.title),
        .text("updated", "the update's date as an Atom timestamp", \.updated),
        .text("url", "the item's page, relative to `feed.xml`", \.url),
        .text("summary", "the update's note", \.summary),
        .labels("labels", "the theme's words", \.labels),
        .view("site", "the site", \.site),
    ])
}

/// The search page: a box, filters and results, run in the browser by `static/search.js` on
/// the Pagefind index the build made.
struct SearchPage: TemplateView {
    var frame: PageFrame

    static let contract = ViewContract<SearchPage>("SearchPage", "`search`: the search page. Every field of PageFrame.",
        ViewContract<SearchPage>.Field.all(of: \.frame))
}

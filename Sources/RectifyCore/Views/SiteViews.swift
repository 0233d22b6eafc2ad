import RectifyTheme

/// Turns the content into the plain values each template is rendered with.
///
/// Each template gets one typed view (`Views/Templates/`), documented in `docs/theme.md`.
/// Every URL is relative to the page it is on.
struct SiteViews {
    let content: Content
    let labels: Labels
    let asOf: Day
    /// Rendered Markdown bodies, by item ID and by page name. Item bodies are only ever those
    /// of the chunk of items being written (`SiteBuilder.writeItems`), to keep memory down.
    var itemBodies: [String: String]
    let pageBodies: [String: String]
    /// When each content file last changed, from git (empty without git).
    var lastChanged: [String: Day]
    var hasChangesPage: Bool
    /// Whether the site gets a search index: without one there is no search box or page.
    var hasSearch: Bool
    /// The site as every page, row and update sees it: one object, made once.
    let site: SiteInfo

    init(content: Content, labels: Labels, asOf: Day, itemBodies: [String: String], pageBodies: [String: String],
         lastChanged: [String: Day] = [:], hasChangesPage: Bool = false, hasSearch: Bool = false) {
        self.content = content
        self.labels = labels
        self.asOf = asOf
        self.itemBodies = itemBodies
        self.pageBodies = pageBodies
        self.lastChanged = lastChanged
        self.hasChangesPage = hasChangesPage
        self.hasSearch = hasSearch
        let config = content.config
        site = SiteInfo(title: config.title, language: config.language, description: config.description, notice: config.notice,
                        issuer: config.issuer, withheldNote: content.withheldNote)
    }

    var config: SiteConfig { content.config }

    /// The frame of the page at `path`: site, labels, navigation, its root prefix, its title.
    func frame(path: String, title: String) -> PageFrame {
        let root = SitePaths.root(from: path)
        func link(_ target: String) -> String { root + target }
        var nav = Navigation(
            home: link(SitePaths.home), ledger: link(SitePaths.ledger), departments: link(SitePaths.departments),
            updates: link(SitePaths.updates), feed: link(SitePaths.feed), print: link(SitePaths.printDocument),
            csv: link(SitePaths.ledgerCSV), xlsx: link(SitePaths.ledgerXLSX), json: link(SitePaths.dataJSON), printScript: link("static/print.js"),
            search: hasSearch ? link(SitePaths.search) : nil, searchScript: link("static/search.js"),
            categories: config.categories.map { NavLink(title: $0.title, url: link(SitePaths.category($0.key)), current: path == SitePaths.category($0.key)) },
            statuses: config.statuses.map { NavLink(title: $0.label, url: link(SitePaths.status($0.key)), current: path == SitePaths.status($0.key)) },
            pages: content.pages.map { NavLink(title: $0.title, url: link(SitePaths.page($0.name)), current: path == SitePaths.page($0.name)) },
            changes: hasChangesPage ? link(SitePaths.changes) : nil)
        nav.homeCurrent = path == SitePaths.home
        nav.ledgerCurrent = path == SitePaths.ledger
        nav.departmentsCurrent = path == SitePaths.departments || path.hasPrefix("departments/")
        nav.updatesCurrent = path == SitePaths.updates
        nav.changesCurrent = path == SitePaths.changes
        nav.printCurrent = path == SitePaths.printDocument
        return PageFrame(root: root, asOf: asOf.description, site: site, labels: labels.values,
                         stylesheet: link(SitePaths.stylesheet), nav: nav, pageTitle: title)
    }

    /// An update as a row; `statusLabel` only where the update changed the status.
    func update(_ update: Item.Update, item: ItemRow? = nil) -> UpdateRow {
        UpdateRow(date: update.date.description, note: update.note, statusLabel: update.status.flatMap { config.status($0)?.label },
                  item: item, labels: labels.values, site: site)
    }

    func departmentKey(_ name: String) -> String {
        content.departmentKeys[name] ?? Department.derivedKey(for: name)
    }

    func deadlineState(_ item: Item) -> DeadlineState {
        DeadlineState.of(item, in: config, asOf: asOf)
    }

    /// An item as a row in a list or table.
    func summary(_ item: Item, root: String) -> ItemRow {
        let status = config.status(item.status)
        let state = deadlineState(item)
        return ItemRow(
            id: item.id, title: item.title, url: root + SitePaths.item(item.id), leader: item.leader, department: item.department,
            departmentURL: root + SitePaths.department(departmentKey(item.department)), deadline: item.deadline.description,
            status: StatusRef(key: item.status, label: status?.label ?? item.status, url: root + SitePaths.status(item.status), done: status?.isDone ?? false),
            state: StateRef(key: state.rawValue, label: labels["state_\(state.rawValue)"], colour: state.colour),
            measures: item.measures,
            latest: item.latestUpdate.map { DatedNote(date: $0.date.description, note: $0.note) },
            coDepartments: item.coDepartments.isEmpty ? nil : item.coDepartments.joined(separator: config.language.hasPrefix("zh") ? "、" : ", "),
            deadlineNote: deadlineNote(item, state: state),
            labels: labels.values, site: site)
    }

    /// The items at `indices` as rows, made only if a template loops over them.
    func lazyRows(_ indices: [Int], root: String) -> LazyList<ItemRow> {
        LazyList(count: indices.count) { [self] in indices.map { summary(content.items[$0], root: root) } }
    }

    /// "逾期 12 天" or "剩 3 天", from the labels `days_overdue` and `days_left`.
    func deadlineNote(_ item: Item, state: DeadlineState) -> String? {
        switch state {
        case .overdue: return labels["days_overdue"].replacingOccurrences(of: "%d", with: String(item.deadline.days(until: asOf)))
        case .dueSoon: return labels["days_left"].replacingOccurrences(of: "%d", with: String(asOf.days(until: item.deadline)))
        default: return nil
        }
    }

    /// Completion counts for a set of items.
    func progress(_ items: [Item]) -> ProgressView {
        let done = items.filter { config.status($0.status)?.isDone == true }.count
        let share = Percent(done, of: items.count)
        return ProgressView(total: items.count, done: done, open: items.count - done, percent: share.text, width: share.number)
    }
}

/// A share shown with one decimal, computed in integers so output never varies.
struct Percent {
    /// Tenths of a percent, rounded half up.
    let tenths: Int

    init(_ part: Int, of whole: Int) {
        tenths = whole == 0 ? 0 : (part * 2000 + whole) / (2 * whole)
    }

    /// `25.0`: also the width of a bar drawn 100 units wide.
    var number: String { "\(tenths / 10).\(tenths % 10)" }
    var text: String { number + "%" }
}

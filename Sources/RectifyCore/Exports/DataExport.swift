import Foundation

/// `data.json`: every item with every field and its computed state, plus the site's
/// metadata, for other systems. The schema is versioned (`version`) and documented in the
/// README; keys are sorted, so the same content gives the same bytes.
struct DataExport: Encodable {
    static let version = 1

    struct Site: Encodable {
        let title: String
        let language: String
        let description: String?
        let notice: String?
        let asOf: String
        let baseURL: String?
        /// Public edition: how many items it leaves out, as the site states it.
        let withheldNote: String?
    }

    struct Status: Encodable {
        let key: String
        let label: String
        let done: Bool
    }

    struct Group: Encodable {
        let key: String
        let title: String
    }

    struct Category: Encodable {
        let key: String
        let title: String
        let groups: [Group]
    }

    struct DepartmentEntry: Encodable {
        let key: String
        let name: String
    }

    struct Totals: Encodable {
        let items: Int
        let done: Int
        let open: Int
        let overdue: Int
        let percentDone: Double
    }

    struct Update: Encodable {
        let date: String
        let note: String
        let status: String?
    }

    struct ItemEntry: Encodable {
        let id: String
        let title: String
        let category: String
        let group: String
        let status: String
        let statusLabel: String
        let done: Bool
        let leader: String
        let department: String
        let departmentKey: String
        /// Co-operating units, when the item lists more than one.
        let coDepartments: [String]
        let deadline: String
        let deadlineState: String
        let measures: String?
        let lastModified: String?
        let url: String
        let updates: [Update]
    }

    let version: Int
    let site: Site
    let statuses: [Status]
    let categories: [Category]
    let departments: [DepartmentEntry]
    let totals: Totals
    let items: [ItemEntry]

    init(views: SiteViews, lastModified: [String: Day]) {
        let config = views.config
        version = Self.version
        site = Site(title: config.title, language: config.language, description: config.description, notice: config.notice,
                    asOf: views.asOf.description, baseURL: config.baseURL, withheldNote: views.content.withheldNote)
        statuses = config.statuses.map { Status(key: $0.key, label: $0.label, done: $0.isDone) }
        categories = config.categories.map { Category(key: $0.key, title: $0.title, groups: $0.groups.map { Group(key: $0.key, title: $0.title) }) }
        departments = views.content.departments.map { DepartmentEntry(key: $0.key, name: $0.name) }
        let items = views.content.items
        let done = items.filter { config.status($0.status)?.isDone == true }.count
        totals = Totals(items: items.count, done: done, open: items.count - done,
                        overdue: items.filter { views.deadlineState($0) == .overdue }.count,
                        percentDone: Double(Percent(done, of: items.count).tenths) / 10)
        self.items = items.map { item in
            ItemEntry(
                id: item.id, title: item.title, category: item.category, group: item.group, status: item.status,
                statusLabel: config.status(item.status)?.label ?? item.status, done: config.status(item.status)?.isDone == true,
                leader: item.leader, department: item.department, departmentKey: views.departmentKey(item.department), coDepartments: item.coDepartments,
                deadline: item.deadline.description, deadlineState: views.deadlineState(item).rawValue, measures: item.measures,
                lastModified: lastModified[item.id]?.description, url: SitePaths.item(item.id),
                updates: item.updates.map { Update(date: $0.date.description, note: $0.note, status: $0.status) })
        }
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

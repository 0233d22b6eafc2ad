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
    /// Empty while the rest is encoded: the items are encoded a chunk at a time (`json()`).
    private(set) var items: [ItemEntry] = []
    private let entry: (Int) -> ItemEntry
    private let count: Int

    private enum CodingKeys: String, CodingKey {
        case version, site, statuses, categories, departments, totals, items
    }

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
        count = items.count
        entry = { index in
            let item = items[index]
            return ItemEntry(
                id: item.id, title: item.title, category: item.category, group: item.group, status: item.status,
                statusLabel: config.status(item.status)?.label ?? item.status, done: config.status(item.status)?.isDone == true,
                leader: item.leader, department: item.department, departmentKey: views.departmentKey(item.department), coDepartments: item.coDepartments,
                deadline: item.deadline.description, deadlineState: views.deadlineState(item).rawValue, measures: item.measures,
                lastModified: lastModified[item.id]?.description, url: SitePaths.item(item.id),
                updates: item.updates.map { Update(date: $0.date.description, note: $0.note, status: $0.status) })
        }
    }

    /// Items encoded at a time.
    static let chunk = 64

    /// The file's bytes, ending with a newline: the same bytes as encoding everything at
    /// once with `JSONEncoder`, which at 10,000 items builds a tree of 30 MB for a file of
    /// 7 MB. The document is encoded with no items, and the items a chunk at a time, each
    /// chunk's lines indented to their depth in the document and put in place of the empty
    /// list.
    func json() throws -> Data {
        let encoder = Self.encoder
        var document = try encoder.encode(self)
        document.append(0x0A)
        guard count > 0 else { return document }
        let empty = Data("\"items\" : [\n\n  ]".utf8)
        guard let place = document.range(of: empty) else { throw EncodingError.invalidValue(count, .init(codingPath: [], debugDescription: "no items list")) }
        var items = Data(#""items" : ["#.utf8)
        for start in stride(from: 0, to: count, by: Self.chunk) {
            // `[\n  {…},\n  {…}\n]`: each line but the brackets' moves two spaces in.
            let encoded = try encoder.encode((start..<min(count, start + Self.chunk)).map(entry))
            if start > 0 { items.append(UInt8(ascii: ",")) }
            if start == 0 { items.reserveCapacity((encoded.count + encoded.count / 8) * (count / Self.chunk + 1)) }
            encoded.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                guard let base = bytes.baseAddress else { return }
                let end = bytes.count - 2
                var previous = 1
                while previous < end, let found = memchr(base + previous, 0x0A, end - previous) {
                    let index = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                    items.append(UnsafeBufferPointer(rebasing: bytes[previous...index]))
                    if bytes[index + 1] != 0x0A { items.append(contentsOf: [0x20, 0x20]) }
                    previous = index + 1
                }
                items.append(UnsafeBufferPointer(rebasing: bytes[previous..<end]))
            }
        }
        items.append(contentsOf: Array("\n  ]".utf8))
        document.replaceSubrange(place, with: items)
        return document
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Everything encoded at once: what `json()` must equal. The plain build (`serial`)
    /// writes this one, and the same-output test compares the two.
    func jsonAtOnce() throws -> Data {
        var whole = self
        whole.items = (0..<count).map(entry)
        var data = try Self.encoder.encode(whole)
        data.append(0x0A)
        return data
    }
}

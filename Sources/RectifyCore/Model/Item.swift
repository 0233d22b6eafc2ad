/// One problem to rectify: a file `content/items/*.md`.
public struct Item: Sendable {
    public struct Update: Sendable {
        public let date: Day
        public let note: String
        /// The status this update moved the item to, if any.
        public let status: String?
        /// The line of its `date` in the item file.
        public let line: Int
        /// Left out of the public edition (`internal: true`).
        public var isInternal = false

        public init(date: Day, note: String, status: String?, line: Int) {
            self.date = date
            self.note = note
            self.status = status
            self.line = line
        }
    }

    public let id: String
    public let title: String
    public let category: String
    public let group: String
    public let status: String
    public let leader: String
    public let department: String
    public let deadline: Day
    /// A one-line summary of the measures, for the ledger.
    public let measures: String?
    /// Dated updates, oldest first.
    public let updates: [Update]
    public let source: SourceFile
    /// Evidence files beside an item kept as a folder (`items/<folder>/index.md`), relative to
    /// that folder; published next to the item page, at `items/<id>/<file>`.
    public var attachments: [String] = []
    /// The lines of `status` and `department` in the item file, for the contradiction checks.
    public var statusLine: Int?
    /// Co-operating units (配合单位), when `department` is a list: its first entry is the
    /// lead unit (`department`), the others are these.
    public var coDepartments: [String] = []
    public var departmentLine: Int?
    /// Left out of the public edition as a whole (`visibility: internal`), and the line that says so.
    public var isInternal = false
    public var visibilityLine: Int?
    /// Parts of the body marked `<!-- internal -->` … `<!-- /internal -->`, as file lines.
    public var internalSections: [ClosedRange<Int>] = []

    /// When the item was completed, as its full updates say, where the update that says so
    /// is not published (the public edition): facts are computed on the full item, then
    /// published, so that an internal completion update does not turn 逾期完成 into 按期完成.
    public var completedOn: Day?

    public var latestUpdate: Update? { updates.last }

    public init(id: String, title: String, category: String, group: String, status: String, leader: String, department: String,
                deadline: Day, measures: String?, updates: [Update], source: SourceFile) {
        self.id = id
        self.title = title
        self.category = category
        self.group = group
        self.status = status
        self.leader = leader
        self.department = department
        self.deadline = deadline
        self.measures = measures
        self.updates = updates
        self.source = source
    }
}

/// Where an item or page came from. Its Markdown body is kept apart (`MarkdownSources`),
/// so that the build can let go of each body once it is rendered.
public struct SourceFile: Sendable {
    /// The path as shown in messages, e.g. `content/items/1.2.3.md`.
    public let displayPath: String
    /// The path inside the content folder, e.g. `items/1.2.3.md`.
    public let relativePath: String
    /// The file line on which the Markdown body starts.
    public let bodyStartLine: Int

    public init(displayPath: String, relativePath: String = "", bodyStartLine: Int) {
        self.displayPath = displayPath
        self.relativePath = relativePath
        self.bodyStartLine = bodyStartLine
    }
}

/// The Markdown bodies of the items and pages, in the order of `Content.items` and
/// `Content.pages`.
public struct MarkdownSources: Sendable {
    public let items: ItemBodies
    public var pages: [String]

    public init(items: [String], pages: [String]) {
        self.init(items: ItemBodies(items), pages: pages)
    }

    init(items: ItemBodies, pages: [String]) {
        self.items = items
        self.pages = pages
    }
}

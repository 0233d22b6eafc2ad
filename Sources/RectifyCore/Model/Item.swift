import RectifyFrontMatter
import RectifySystem
import Synchronization

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

/// The items' Markdown bodies, handed out a chunk at a time.
///
/// A build does not hold them: loading notes where each body sits in its file, and the
/// bodies of a chunk are read again when the chunk is rendered (10,000 bodies are 40 MB,
/// most of a build's memory otherwise, since freed small strings are not given back to the
/// system). Bodies given as text (`serve` reloading one file, tests) are held, and let go
/// of once handed out. A class, so that no copy of the loaded site keeps them alive.
public final class ItemBodies: Sendable {
    /// Where a body sits in its file, as loading read it.
    public struct Place: Sendable {
        /// The path loading read.
        let path: String
        /// The length of the file's text and the body's place in it, in UTF-8 bytes.
        let textLength: Int
        let offset: Int
        let length: Int
        let firstLine: Int
        /// File line ranges left out (the public edition's internal sections).
        var leftOut: [ClosedRange<Int>] = []
    }

    private enum Body: Sendable {
        case text(String)
        case file(Place)
    }

    private let bodies: Mutex<[Body]>

    init(_ texts: [String]) { bodies = Mutex(texts.map(Body.text)) }

    init(places: [Place]) { bodies = Mutex(places.map(Body.file)) }

    /// The bodies that remain after `keep`, each given its item's position here and the file
    /// line ranges to leave out of it: the public edition's bodies, before any is handed out.
    func kept(_ keep: [(index: Int, leaveOut: [ClosedRange<Int>], firstLine: Int)]) -> ItemBodies {
        let all = bodies.withLock { $0 }
        return ItemBodies(bodies: keep.map { index, leaveOut, firstLine in
            switch all[index] {
            case .text(let text):
                return .text(leaveOut.isEmpty ? text : InternalSections.strip(leaveOut, from: text, firstLine: firstLine))
            case .file(var place):
                place.leftOut += leaveOut
                return .file(place)
            }
        })
    }

    private init(bodies: [Body]) { self.bodies = Mutex(bodies) }

    /// The bodies of `range`, which are then dropped here; read from their files on all
    /// cores. A file that cannot be read again, or whose length changed since loading (it
    /// was edited during the build), is a failure: its page would not match its front matter.
    func take(_ range: Range<Int>, serial: Bool = false) -> [Result<String, ChangedDuringBuild>] {
        let taken: [Body] = bodies.withLock { bodies in
            let taken = Array(bodies[range])
            for index in range { bodies[index] = .text("") }
            return taken
        }
        return parallelMap(taken.count, serial: serial) { index in
            switch taken[index] {
            case .text(let text): return .success(text)
            case .file(let place): return Self.read(place)
            }
        }
    }

    private static func read(_ place: Place) -> Result<String, ChangedDuringBuild> {
        guard case .success(let bytes) = FileBytes.read(place.path, limit: ContentLoader.maximumFileSize),
              let text = try? SourceText.decode(bytes), text.utf8.count == place.textLength else {
            return .failure(ChangedDuringBuild())
        }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: place.offset)
        let body = String(text[start..<utf8.index(start, offsetBy: place.length)])
        return .success(place.leftOut.isEmpty ? body : InternalSections.strip(place.leftOut, from: body, firstLine: place.firstLine))
    }
}

/// A content file that changed, or went, between loading and rendering.
public struct ChangedDuringBuild: Error {}

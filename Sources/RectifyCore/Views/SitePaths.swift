/// Where each page lives in the output. Paths are ASCII, built from IDs and keys,
/// and always end in `index.html` so that links work from `file://` too.
public enum SitePaths {
    public static let home = "index.html"
    public static let ledger = "ledger/index.html"
    public static let stylesheet = "static/style.css"
    public static let departments = "departments/index.html"
    public static let ledgerXLSX = "ledger.xlsx"
    public static let search = "search/index.html"
    public static let updates = "updates/index.html"
    public static let feed = "feed.xml"
    public static let printDocument = "print/index.html"
    public static let changes = "changes/index.html"
    public static let ledgerCSV = "ledger.csv"
    public static let dataJSON = "data.json"

    public static func item(_ id: String) -> String { "items/\(id)/index.html" }
    /// The folder of an item's page (and of its evidence files).
    static func itemFolder(_ id: String) -> String { "items/\(id)" }
    public static func category(_ key: String) -> String { "categories/\(key)/index.html" }
    public static func status(_ key: String) -> String { "status/\(key)/index.html" }
    public static func page(_ name: String) -> String { "pages/\(name)/index.html" }
    public static func department(_ key: String) -> String { "departments/\(key)/index.html" }
    public static func attachment(_ relative: String) -> String { "files/\(relative)" }

    /// The relative prefix from a page at `path` back to the site root (`../../`).
    public static func root(from path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }
}

/// Everything loaded from a content folder, validated and in publishing order.
public struct Content: Sendable {
    public let config: SiteConfig
    /// Items in natural order of their IDs.
    public let items: [Item]
    public let pages: [Page]
    /// Evidence files under `content/files/`, as paths relative to that folder.
    public let files: [String]

    /// Every department that has items: those declared in `site.yml` first, in their order,
    /// then the others in the order of their first item.
    public let departments: [Department]
    /// Department keys by name.
    public let departmentKeys: [String: String]
    /// In the public edition, the sentence that says how many items it leaves out (when the
    /// site says to state it and there are any).
    public var withheldNote: String?

    init(config: SiteConfig, items: [Item], pages: [Page], files: [String]) {
        self.config = config
        self.items = items
        self.pages = pages
        self.files = files
        let used = Set(items.map(\.department))
        var departments = config.departments.filter { used.contains($0.name) }
        var seen = Set(departments.map(\.name))
        for item in items where !seen.contains(item.department) {
            seen.insert(item.department)
            departments.append(Department(key: Department.derivedKey(for: item.department), name: item.department))
        }
        self.departments = departments
        departmentKeys = Dictionary(departments.map { ($0.name, $0.key) }, uniquingKeysWith: { first, _ in first })
    }
}

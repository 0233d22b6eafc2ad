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
    public var departments: [Department] {
        var result = config.departments.filter { department in items.contains { $0.department == department.name } }
        for item in items where !result.contains(where: { $0.name == item.department }) {
            result.append(Department(key: Department.derivedKey(for: item.department), name: item.department))
        }
        return result
    }
}

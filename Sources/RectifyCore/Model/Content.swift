/// Everything loaded from a content folder, validated and in publishing order.
public struct Content: Sendable {
    public let config: SiteConfig
    /// Items in natural order of their IDs.
    public let items: [Item]
    public let pages: [Page]
    /// Evidence files under `content/files/`, as paths relative to that folder.
    public let files: [String]
}

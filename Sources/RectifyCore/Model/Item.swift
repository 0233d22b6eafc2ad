/// One problem to rectify: a file `content/items/*.md`.
public struct Item: Sendable {
    public struct Update: Sendable {
        public let date: Day
        public let note: String
        /// The status this update moved the item to, if any.
        public let status: String?
        /// The line of its `date` in the item file.
        public let line: Int
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

    public var latestUpdate: Update? { updates.last }
}

/// A Markdown file as read from disk.
public struct SourceFile: Sendable {
    /// The path as shown in messages, e.g. `content/items/1.2.3.md`.
    public let displayPath: String
    public let body: String
    /// The file line on which `body` starts.
    public let bodyStartLine: Int
}

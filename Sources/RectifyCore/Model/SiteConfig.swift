/// `content/site.yml`: the site's title, language, statuses and categories.
public struct SiteConfig: Sendable {
    public struct Status: Sendable {
        public let key: String
        public let label: String
        /// True for statuses that count as completed.
        public let isDone: Bool
        /// True for a status that means the work has not started (`not_started: true`):
        /// an item in it should have no progress notes.
        public var isNotStarted = false
    }

    public struct Group: Sendable {
        public let key: String
        public let title: String
    }

    public struct Category: Sendable {
        public let key: String
        public let title: String
        public let groups: [Group]

        /// The title of group `key`, or the key itself when the category has no such group.
        public func groupTitle(_ key: String) -> String { groups.first { $0.key == key }?.title ?? key }
    }

    public let title: String
    /// `zh-CN` or `en`: the label set the theme prints.
    public let language: String
    public let description: String?
    /// A remark shown in every page's footer (e.g. that the data are examples).
    public let notice: String?
    /// Who issues the publication (`issuer`), for the print cover: e.g. 中共××县民政局党组.
    public var issuer: String?
    public let statuses: [Status]
    public let categories: [Category]
    /// Items due within this many days are "due soon" (yellow).
    public let warningDays: Int
    /// `rectify check` warns about open items with no update for more than this many days.
    public let staleDays: Int
    /// Where the site is published (`https://intranet.example/zhenggai/`), for the sitemap
    /// and the feed; optional, since every page link is relative.
    public let baseURL: String?
    /// Departments with a chosen key; others get a derived one.
    public let departments: [Department]
    /// What the public edition leaves out (`public_edition:`).
    public var publicEdition = PublicEditionRules()

    public func status(_ key: String) -> Status? { statuses.first { $0.key == key } }
    public func category(_ key: String) -> Category? { categories.first { $0.key == key } }
}

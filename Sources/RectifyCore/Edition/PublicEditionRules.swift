/// What the public edition (整改情况公开) leaves out, from `public_edition:` in `site.yml`.
/// Whole items (`visibility: internal`), single updates (`internal: true`) and marked body
/// sections are declared in the item files themselves; see `docs/public-edition.md`.
public struct PublicEditionRules: Sendable {
    /// What happens to one field of every item in the public edition.
    public enum FieldRule: Sendable, Equatable {
        case keep
        /// Left out: the field is empty wherever it would show.
        case omit
        /// Shown as this text instead, e.g. a role (分管领导) instead of a name.
        case replace(String)

        /// `value` as the public edition shows it: nil when left out.
        func applied(to value: String?) -> String? {
            switch self {
            case .keep: return value
            case .omit: return nil
            case .replace(let text): return text
            }
        }
    }

    /// `leader`, `department` (with the co-operating units), `measures`, `updates`.
    public var fields: [String: FieldRule] = [:]
    /// Whether the public edition says how many items it leaves out (`withheld: state`),
    /// as a count and nothing more; with `silent` it says nothing about them.
    public var statesWithheld = true
    /// The sentence that states it, with `%d` for the count; the theme's `withheld_note`
    /// label when not given.
    public var withheldNote: String?
    /// Files kept beside an item (evidence) are left out unless `attachments: publish`.
    public var publishAttachments = false

    public static let fieldNames = ["leader", "department", "measures", "updates"]

    public func rule(_ field: String) -> FieldRule { fields[field] ?? .keep }
}

/// Which edition a build makes: the full internal site (the default), or the public one.
public enum Edition: String, Sendable, CaseIterable {
    case `internal`
    case `public`
}

/// One thing the public edition leaves out, for `rectify check --edition public`.
public struct WithheldPart: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The whole item.
        case item
        /// One dated update.
        case update(date: String)
        /// A marked part of the body, from line to line.
        case section(lastLine: Int)
        /// An evidence file kept beside the item.
        case attachment(name: String)
        /// A field, left out or replaced, on every item (`site.yml`).
        case field(name: String, rule: PublicEditionRules.FieldRule)
    }

    public let file: String
    public let line: Int?
    /// The item's ID, or nil for a site-wide rule.
    public let item: String?
    public let kind: Kind
}

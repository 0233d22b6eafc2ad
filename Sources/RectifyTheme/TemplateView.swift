import Mustache

/// A value a template sees: a typed struct whose fields are listed, with their kinds and
/// meanings, in its `contract`. The same list answers swift-mustache's lookups (through
/// `MustacheParent`, no `Mirror`), writes `docs/theme.md`, and lets `rectify check` report a
/// variable that no view has.
public protocol TemplateView: MustacheParent, Sendable {
    static var contract: ViewContract<Self> { get }
}

extension TemplateView {
    public func child(named name: String) -> Any? {
        Self.contract.value(named: name, of: self)
    }

    /// Each field's name, tag and value, in contract order, until `body` returns false.
    func visitFields(_ body: (String, FieldTag, Any?) -> Bool) -> Bool {
        for field in Self.contract.fields {
            guard body(field.name, field.tag, field.read(self)) else { return false }
        }
        return true
    }
}

/// How a field's value is walked for its shape (`ViewShape`).
enum FieldTag: Sendable {
    /// Text or HTML: printed.
    case text
    /// A number: printed.
    case number
    /// Tested by sections.
    case flag
    /// The labels: the same for every page of a build.
    case labels
    case view
    case list
}

/// A list of views, walked without casting each element.
protocol TemplateViewList {
    var viewCount: Int { get }
    func visitViews(_ body: (any TemplateView) -> Bool) -> Bool
}

extension Array: TemplateViewList where Element: TemplateView {
    var viewCount: Int { count }
    func visitViews(_ body: (any TemplateView) -> Bool) -> Bool {
        for element in self { guard body(element) else { return false } }
        return true
    }
}

/// A list of views made on demand, from a count and a maker: for lists that are large and
/// that most themes never read (every item of a category, as views).
public struct LazyList<Element: TemplateView>: Sendable {
    public let count: Int
    private let make: @Sendable () -> [Element]

    public init(count: Int, _ make: @escaping @Sendable () -> [Element]) {
        self.count = count
        self.make = make
    }

    public var elements: [Element] { make() }
}

/// What a field holds, as a theme author sees it.
public enum FieldKind: Sendable {
    /// Plain text, escaped by `{{name}}`.
    case text
    /// HTML made by Rectify (cmark-gfm or a row partial), placed with `{{{name}}}`.
    case html
    /// A whole number.
    case number
    /// True or false, for `{{#name}}…{{/name}}` and `{{^name}}…{{/name}}`.
    case flag
    /// The theme's words in the site's language: `labels.<key>`, from `theme/i18n/<language>.yml`.
    case labels
    /// One nested view.
    case view(ContractSummary)
    /// A list of views, for `{{#name}}…{{/name}}`.
    case list(ContractSummary)

    /// The name theme authors read in `docs/theme.md`.
    public var description: String {
        switch self {
        case .text: return "text"
        case .html: return "HTML"
        case .number: return "number"
        case .flag: return "yes/no"
        case .labels: return "labels"
        case .view(let contract): return contract.name
        case .list(let contract): return "list of \(contract.name)"
        }
    }
}

/// A contract without its view type: names, kinds and meanings, for checking templates and
/// writing the documentation.
public struct ContractSummary: Sendable {
    public struct Field: Sendable {
        public let name: String
        public let kind: FieldKind
        public let meaning: String
        /// Absent in some views (an optional value): `{{#name}}` guards it.
        public let optional: Bool
    }

    public let name: String
    public let meaning: String
    private let load: @Sendable () -> [Field]
    public var fields: [Field] { load() }

    init(name: String, meaning: String, fields: @escaping @Sendable () -> [Field]) {
        self.name = name
        self.meaning = meaning
        load = fields
    }

    public func field(named name: String) -> Field? { fields.first { $0.name == name } }
}

/// The fields of one view type: how each is read, and what it means. A class: the shape
/// walk reads a view's contract once per view of every page, and a class is passed without
/// copying its fields.
public final class ViewContract<View>: @unchecked Sendable {
    public struct Field: @unchecked Sendable {
        let name: String
        let tag: FieldTag
        let kind: () -> FieldKind
        let meaning: String
        let optional: Bool
        /// The value as Mustache sees it.
        let read: (View) -> Any?
        /// The value added to a shape walk, typed: no `Any`, no casts (the walk runs once per
        /// page); nil for a field an earlier one walks (`all(of:)`).
        let shape: ((View, inout ShapeWalk) -> Bool)?
    }

    public let name: String
    public let meaning: String
    let fields: [Field]
    /// The fields' shape walks, in order, without those an earlier field walks.
    let shapes: [(View, inout ShapeWalk) -> Bool]
    private let index: [String: Int]

    public init(_ name: String, _ meaning: String, _ fields: [Field]) {
        self.name = name
        self.meaning = meaning
        self.fields = fields
        shapes = fields.compactMap(\.shape)
        var index: [String: Int] = [:]
        for (position, field) in fields.enumerated() where index[field.name] == nil { index[field.name] = position }
        self.index = index
    }

    func value(named name: String, of view: View) -> Any? {
        guard let position = index[name] else { return nil }
        return fields[position].read(view)
    }

    public var summary: ContractSummary {
        let fields = self.fields
        return ContractSummary(name: name, meaning: meaning) {
            fields.map { ContractSummary.Field(name: $0.name, kind: $0.kind(), meaning: $0.meaning, optional: $0.optional) }
        }
    }
}

extension ViewContract.Field {
    public static func text(_ name: String, _ meaning: String, _ path: @escaping (View) -> String) -> Self {
        .init(name: name, tag: .text, kind: { .text }, meaning: meaning, optional: false, read: { path($0) }, shape: { $1.text(path($0)) })
    }

    public static func text(_ name: String, _ meaning: String, _ path: @escaping (View) -> String?) -> Self {
        .init(name: name, tag: .text, kind: { .text }, meaning: meaning, optional: true, read: { path($0) }, shape: { $1.text(path($0)) })
    }

    public static func html(_ name: String, _ meaning: String, _ path: @escaping (View) -> String) -> Self {
        .init(name: name, tag: .text, kind: { .html }, meaning: meaning, optional: false, read: { path($0) }, shape: { $1.text(path($0)) })
    }

    public static func number(_ name: String, _ meaning: String, _ path: @escaping (View) -> Int) -> Self {
        .init(name: name, tag: .number, kind: { .number }, meaning: meaning, optional: false, read: { path($0) }, shape: { $1.number(path($0)) })
    }

    public static func flag(_ name: String, _ meaning: String, _ path: @escaping (View) -> Bool) -> Self {
        .init(name: name, tag: .flag, kind: { .flag }, meaning: meaning, optional: false, read: { path($0) }, shape: { $1.flag(path($0)) })
    }

    public static func labels(_ name: String, _ meaning: String, _ path: @escaping (View) -> [String: String]) -> Self {
        .init(name: name, tag: .labels, kind: { .labels }, meaning: meaning, optional: false, read: { path($0) }, shape: { $1.labels() })
    }

    public static func view<Child: TemplateView>(_ name: String, _ meaning: String, _ path: @escaping (View) -> Child) -> Self {
        .init(name: name, tag: .view, kind: { .view(Child.contract.summary) }, meaning: meaning, optional: false,
              read: { path($0) }, shape: { $1.view(path($0)) })
    }

    public static func view<Child: TemplateView>(_ name: String, _ meaning: String, _ path: @escaping (View) -> Child?) -> Self {
        .init(name: name, tag: .view, kind: { .view(Child.contract.summary) }, meaning: meaning, optional: true,
              read: { path($0) }, shape: { view, walk in path(view).map { walk.view($0) } ?? walk.absent() })
    }

    public static func list<Child: TemplateView>(_ name: String, _ meaning: String, _ path: @escaping (View) -> [Child]) -> Self {
        .init(name: name, tag: .list, kind: { .list(Child.contract.summary) }, meaning: meaning, optional: false,
              read: { path($0) }, shape: { $1.list(path($0)) })
    }

    /// A list made only when something reads it: a template that loops over it, or the
    /// shape walk when the list is short enough for a plan. Pages that place their rows as
    /// HTML never make it.
    public static func list<Child: TemplateView>(_ name: String, _ meaning: String, _ path: @escaping (View) -> LazyList<Child>) -> Self {
        .init(name: name, tag: .list, kind: { .list(Child.contract.summary) }, meaning: meaning, optional: false,
              read: { path($0).elements }, shape: { $1.list(path($0)) })
    }

    /// Every field of a nested view, seen as the outer view's own (the page frame's `site`,
    /// `labels`, `nav`… on every page).
    ///
    /// For the shape walk, the first of these fields walks all of them, reading the nested
    /// view once instead of once per field; the others add nothing. They stay together in
    /// contract order, so the walk meets the same values in the same order.
    public static func all<Inner: TemplateView>(of path: @escaping (View) -> Inner) -> [Self] {
        Inner.contract.fields.enumerated().map { position, field in
            .init(name: field.name, tag: field.tag, kind: field.kind, meaning: field.meaning, optional: field.optional,
                  read: { field.read(path($0)) },
                  shape: position == 0 ? { $1.fields(of: path($0)) } : nil)
        }
    }
}

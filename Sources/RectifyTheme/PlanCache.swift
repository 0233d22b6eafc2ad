import Synchronization

/// Render plans by template and context shape, shared by every thread of a build.
///
/// The first context of a shape is rendered twice: by Mustache with markers in place of its
/// values (the probe), and by Mustache as it is. The plan read from the probe is kept only if
/// filling it with the real values gives exactly the real output; otherwise the shape is
/// marked and always rendered by Mustache. Later contexts of a kept shape are filled in
/// without Mustache.
final class PlanCache: Sendable {
    private enum Entry: Sendable {
        case plan(RenderPlan)
        case mustacheOnly
    }

    /// Contexts with more values than this are rendered directly: they are index pages whose
    /// shape no other page shares, so a probe would only double their cost.
    static let maximumValues = 4_000

    private let entries = Mutex<[String: Entry]>([:])

    /// The output for `shared` and `context` together, from a plan when one fits, otherwise
    /// from `render` (Mustache), which is given the two merged.
    func render(_ template: String, _ context: [String: Any], shared: SharedContext?,
                with render: ([String: Any]) -> String?) -> String? {
        /// Mustache on `shared` and `context` in one dictionary.
        func mustache() -> String? {
            render(shared.map { $0.values.merging(context) { _, own in own } } ?? context)
        }
        // Shared values without a shape (too many, or a value of another type) mean Mustache.
        if let shared, shared.shape == nil { return mustache() }
        guard let shape = ContextShape(of: context, limit: Self.maximumValues) else { return mustache() }
        let sharedValues = shared?.shape?.values ?? []
        let key = template + "\u{0}" + (shared?.shape?.key ?? "") + "\u{0}" + shape.key
        let values = sharedValues + shape.values
        switch entries.withLock({ $0[key] }) {
        case .plan(let plan)?:
            if let output = plan.render(values) { return output }
            return mustache()
        case .mustacheOnly?:
            return mustache()
        case nil:
            guard let direct = mustache() else { return nil }
            var entry = Entry.mustacheOnly
            if shared.map({ Set($0.values.keys).isDisjoint(with: context.keys) }) != false {
                let own = ContextShape.probe(context, first: sharedValues.count)
                let probe = shared.map { ContextShape.probe($0.values, first: 0).merging(own) { _, own in own } } ?? own
                if let plan = render(probe).flatMap(RenderPlan.init(probeOutput:)), plan.render(values) == direct {
                    entry = .plan(plan)
                }
            }
            entries.withLock { $0[key] = entry }
            return direct
        }
    }
}

/// Whether a template's output can depend on the text of a value, not only on its shape:
/// transforms (`{{uppercased(x)}}`), dynamic partials (`{{>*x}}`), changed delimiters, and
/// indented standalone partials or blocks (indentation looks at the text around it).
enum TemplateSource {
    static func dependsOnlyOnShape(_ text: String) -> Bool {
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else { return true }
            let tag = afterOpen[..<close.lowerBound]
            if tag.contains("(") || tag.hasPrefix("=") || tag.hasPrefix(">*") || tag.hasPrefix("> *") { return false }
            rest = afterOpen[close.upperBound...]
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.count < line.count, ["{{>", "{{$", "{{<"].contains(where: { trimmed.hasPrefix($0) }) { return false }
        }
        return true
    }
}

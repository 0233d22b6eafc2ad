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
        func merged(_ shared: [String: Any]?, _ context: [String: Any]) -> [String: Any] {
            guard let shared else { return context }
            return shared.merging(context) { _, own in own }
        }
        let sharedShape = shared.map(\.shape)
        guard sharedShape != .some(nil), let shape = ContextShape(of: context, limit: Self.maximumValues) else {
            return render(merged(shared?.values, context))
        }
        let sharedValues = sharedShape??.values ?? []
        let key = template + "\u{0}" + (sharedShape??.key ?? "") + "\u{0}" + shape.key
        let values = sharedValues + shape.values
        switch entries.withLock({ $0[key] }) {
        case .plan(let plan)?:
            if let output = plan.render(values) { return output }
            return render(merged(shared?.values, context))
        case .mustacheOnly?:
            return render(merged(shared?.values, context))
        case nil:
            guard let direct = render(merged(shared?.values, context)) else { return nil }
            var entry = Entry.mustacheOnly
            if shared.map({ Set($0.values.keys).isDisjoint(with: context.keys) }) != false {
                let probe = merged(shared.map { ContextShape.probe($0.values, first: 0) },
                                   ContextShape.probe(context, first: sharedValues.count))
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

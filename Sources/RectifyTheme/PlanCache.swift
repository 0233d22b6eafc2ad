import Synchronization

/// Render plans by template and view shape, shared by every thread of a build.
///
/// The first view of a shape is rendered by Mustache and the shape noted. The second is
/// rendered twice: by Mustache with markers in place of its text and numbers (the probe),
/// and by Mustache as it is. The plan read from the probe is kept only if filling it with the
/// real values gives exactly the real output; otherwise the shape is marked and always
/// rendered by Mustache. Later views of a kept shape are filled in without Mustache. (A
/// shape seen once, as most item pages of a small site are, never pays for a probe.)
final class PlanCache: Sendable {
    private enum Entry: Sendable {
        case seenOnce
        case plan(RenderPlan)
        case mustacheOnly
    }

    /// Views with more values than this are rendered directly: they are index pages whose
    /// shape no other page shares, so a probe would only double their cost.
    static let maximumValues = 4_000

    private struct Key: Hashable {
        let template: String
        let shape: [UInt8]
    }

    private let entries = Mutex<[Key: Entry]>([:])

    /// The output for `view`, from a plan when one fits, otherwise from `render` (Mustache).
    func render(_ template: String, _ view: any TemplateView, with render: (Any) -> String?) -> String? {
        guard let shape = ViewShape(of: view, limit: Self.maximumValues) else { return render(view) }
        let key = Key(template: template, shape: shape.key)
        switch entries.withLock({ $0[key] }) {
        case .plan(let plan)?:
            if let output = plan.render(shape.values) { return output }
            return render(view)
        case .mustacheOnly?:
            return render(view)
        case nil:
            guard let direct = render(view) else { return nil }
            entries.withLock { entries in
                if entries[key] == nil { entries[key] = .seenOnce }
            }
            return direct
        case .seenOnce?:
            guard let direct = render(view) else { return nil }
            var entry = Entry.mustacheOnly
            if let plan = render(ViewShape.probe(view)).flatMap(RenderPlan.init(probeOutput:)), plan.render(shape.values) == direct {
                entry = .plan(plan)
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

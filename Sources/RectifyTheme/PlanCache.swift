import Foundation
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

    /// The output for `context`, from a plan when one fits, otherwise from `render`.
    func render(_ template: String, _ context: [String: Any], with render: ([String: Any]) -> String?) -> String? {
        guard let shape = ContextShape(of: context, limit: Self.maximumValues) else { return render(context) }
        let key = template + "\u{0}" + shape.key
        switch entries.withLock({ $0[key] }) {
        case .plan(let plan)?:
            if let output = plan.render(shape.values) { return output }
            return render(context)
        case .mustacheOnly?:
            return render(context)
        case nil:
            guard let direct = render(context) else { return nil }
            let plan = render(ContextShape.probe(context)).flatMap(RenderPlan.init(probeOutput:))
            let entry: Entry = plan.map { $0.render(shape.values) == direct } == true ? .plan(plan!) : .mustacheOnly
            entries.withLock { $0[key] = entry }; if ProcessInfo.processInfo.environment["PLANDEBUG"] != nil { FileHandle.standardError.write("miss \(template) \(shape.values.count) \(plan == nil ? "mustache" : "plan")\n".data(using: .utf8)!) }
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

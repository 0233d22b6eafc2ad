/// Values many renders share (labels, site, navigation), with their shape worked out once.
///
/// `Theme.render(_:_:shared:)` renders a page as if its context were `shared` and `context`
/// in one dictionary; the two must not have a key in common.
public final class SharedContext: @unchecked Sendable {
    // Immutable after init: the dictionary holds only strings, numbers, booleans, arrays and
    // dictionaries of them.
    let values: [String: Any]
    let shape: ContextShape?

    public init(_ values: [String: Any]) {
        self.values = values
        shape = ContextShape(of: values, limit: PlanCache.maximumValues)
    }
}

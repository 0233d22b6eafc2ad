import CCmarkGFM

/// Walks a cmark-gfm node tree: `body` is called for each node as it is entered, in
/// document order. Call only while holding `CmarkLock`.
enum CmarkTree {
    static func forEachNode(under root: OpaquePointer, _ body: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { body(node) }
        }
    }
}

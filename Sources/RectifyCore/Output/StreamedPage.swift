import RectifyTheme

/// A page rendered with `RowSlots` markers, read back as literal text and lists of rows, and
/// written piece by piece: the page is never held whole.
struct StreamedPage {
    private enum Piece {
        case text(Substring)
        case rows([String], escaped: Bool)
    }

    private let pieces: [Piece]

    /// nil when one of this page's markers came out changed (a template that did more than
    /// place the value), so that the caller renders the page whole instead.
    init?(_ html: String, slots: RowSlots) {
        let open = RowSlots.open.unicodeScalars.first!
        let close = RowSlots.close.unicodeScalars.first!
        let ours = "\(slots.nonce)-"
        var pieces: [Piece] = []
        var rest = html[...]
        while let start = rest.unicodeScalars.firstIndex(of: open) {
            let afterOpen = rest.unicodeScalars.index(after: start)
            var inside = rest[afterOpen...]
            let escaped: Bool
            if inside.hasPrefix("<" + ours) {
                escaped = false
                inside = inside.dropFirst(1 + ours.count)
            } else if inside.hasPrefix("&lt;" + ours) {
                escaped = true
                inside = inside.dropFirst(4 + ours.count)
            } else if inside.contains(ours) {
                return nil
            } else {
                // A private-use character in some text of the page, not a marker.
                pieces.append(.text(rest[..<afterOpen]))
                rest = rest[afterOpen...]
                continue
            }
            guard let end = inside.unicodeScalars.firstIndex(of: close), let number = Int(inside[..<end]),
                  slots.lists.indices.contains(number) else { return nil }
            pieces.append(.text(rest[..<start]))
            pieces.append(.rows(slots.lists[number], escaped: escaped))
            rest = inside[inside.unicodeScalars.index(after: end)...]
            // The newline a marker carries for rows that end with one is the rows' own.
            if rest.hasPrefix("\n"), slots.lists[number].last(where: { !$0.isEmpty })?.utf8.last == 0x0A {
                rest = rest.dropFirst()
            }
        }
        pieces.append(.text(rest))
        self.pieces = pieces
    }

    /// Writes the page in pieces of about 256 KB; returns its element IDs, for the link check.
    func write(to path: String, in sink: any OutputSink) throws(RectifyError) -> Set<String> {
        let file = try sink.open(path)
        var anchors: Set<String> = []
        var buffer = ""
        buffer.reserveCapacity(Self.bufferSize + (1 << 14))
        func flush(_ force: Bool) throws(RectifyError) {
            guard force || buffer.utf8.count >= Self.bufferSize else { return }
            try file.append(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
        for piece in pieces {
            switch piece {
            case .text(let text):
                buffer += text
                anchors.formUnion(LinkChecker.anchors(in: String(text)))
                try flush(false)
            case .rows(let rows, let escaped):
                for row in rows {
                    if escaped { HTMLEscape.append(row[...], to: &buffer) } else { buffer += row }
                    anchors.formUnion(LinkChecker.anchors(in: row))
                    try flush(false)
                }
            }
        }
        try flush(true)
        try file.close()
        return anchors
    }

    static let bufferSize = 1 << 18
}

/// Parts of a Markdown body marked internal, left out of the public edition:
///
/// ```
/// <!-- internal -->
/// 内部分析：……
/// <!-- /internal -->
/// ```
///
/// `<!-- 内部 -->` and `<!-- /内部 -->` work the same. Each marker stands on a line of its
/// own. In the internal edition the markers are HTML comments, so nothing of them shows.
enum InternalSections {
    static let openers: Set<String> = ["<!-- internal -->", "<!-- 内部 -->", "<!--internal-->", "<!--内部-->"]
    static let closers: Set<String> = ["<!-- /internal -->", "<!-- /内部 -->", "<!--/internal-->", "<!--/内部-->"]

    /// The marked sections as file line ranges, markers included; a marker without its
    /// partner is logged at its line.
    static func find(in body: Substring, firstLine: Int, file: String, log: DiagnosticLog) -> [ClosedRange<Int>] {
        // Every body is loaded through here: most have no HTML comment at all.
        guard mayHoldMarkers(body) else { return [] }
        var sections: [ClosedRange<Int>] = []
        var open: Int?
        var number = firstLine
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { number += 1 }
            let marker = String(line).trimmedSpaces.lowercased()
            if openers.contains(marker) {
                if let open {
                    log.error(file, number, log.messages.internalSectionNested(openedAt: open))
                } else {
                    open = number
                }
            } else if closers.contains(marker) {
                if let start = open {
                    sections.append(start...number)
                    open = nil
                } else {
                    log.error(file, number, log.messages.internalSectionUnopened())
                }
            }
        }
        if let open { log.error(file, open, log.messages.internalSectionUnclosed()) }
        return sections
    }

    /// Whether `body` has `<!--` anywhere: a byte scan, so that bodies without comments are
    /// not split into lines.
    private static func mayHoldMarkers(_ body: Substring) -> Bool {
        body.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.count >= 4 else { return false }
            for index in 0...(bytes.count - 4) where bytes[index] == 0x3C
                && bytes[index + 1] == 0x21 && bytes[index + 2] == 0x2D && bytes[index + 3] == 0x2D { return true }
            return false
        } ?? true
    }

    /// `body` without the lines of `sections` (file lines; the body starts at `firstLine`).
    static func strip(_ sections: [ClosedRange<Int>], from body: String, firstLine: Int) -> String {
        guard !sections.isEmpty else { return body }
        var kept: [Substring] = []
        for (offset, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = firstLine + offset
            if !sections.contains(where: { $0.contains(number) }) { kept.append(line) }
        }
        return kept.joined(separator: "\n")
    }
}

/// Parts of a Markdown body marked internal, left out of the public edition:
///
/// ```
/// <!-- internal -->
/// 内部分析：……
/// <!-- /internal -->
/// ```
///
/// `<!-- 内部 -->` and `<!-- /内部 -->` work the same. Each marker stands on a line of its
/// own; case and the ASCII spaces inside the comment do not matter. In the internal edition
/// the markers are HTML comments, so nothing of them shows.
///
/// The markers decide what is published, so a near miss fails closed: any line holding an
/// HTML comment that names a marker word (in any case, with full-width characters an input
/// method typed, inside a quote or a list, misspelt by a letter or two, or with other words
/// around it) and is not exactly a marker is an error at its line.
enum InternalSections {
    /// The marker a line holds, if it is exactly one.
    enum Marker: Equatable { case open, close }

    /// The marked sections as file line ranges, markers included; a marker without its
    /// partner, and a line that looks like a marker but is not one, are logged at its line.
    static func find(in body: Substring, firstLine: Int, file: String, log: DiagnosticLog) -> [ClosedRange<Int>] {
        // Every body is loaded through here: most have nothing that could be a marker.
        guard mayHoldMarkers(body) else { return [] }
        var sections: [ClosedRange<Int>] = []
        var open: Int?
        var number = firstLine
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { number += 1 }
            switch marker(in: line) {
            case .open?:
                if let open {
                    log.error(file, number, log.messages.internalSectionNested(openedAt: open))
                } else {
                    open = number
                }
            case .close?:
                if let start = open {
                    sections.append(start...number)
                    open = nil
                } else {
                    log.error(file, number, log.messages.internalSectionUnopened())
                }
            case nil:
                if looksLikeMarker(line) { log.error(file, number, log.messages.internalMarkerMalformed(String(line))) }
            }
        }
        if let open { log.error(file, open, log.messages.internalSectionUnclosed()) }
        return sections
    }

    /// The marker `line` is, exactly: `<!--`, ASCII spaces, an optional `/`, `internal` (any
    /// case) or `内部`, ASCII spaces, `-->`, alone on the line but for spaces around it.
    static func marker(in line: Substring) -> Marker? {
        var text = Substring(line.trimmingASCIISpaces)
        guard text.hasPrefix("<!--"), text.hasSuffix("-->"), text.count >= 7 else { return nil }
        text = Substring(text.dropFirst(4).dropLast(3).trimmingASCIISpaces)
        var kind = Marker.open
        if text.hasPrefix("/") {
            kind = .close
            text = Substring(text.dropFirst().trimmingASCIISpaces)
        }
        return text.lowercased() == "internal" || text == "内部" ? kind : nil
    }

    /// Whether `line` holds something that a reader would take for a marker: after mapping
    /// full-width characters to ASCII and dropping every space, an HTML comment opener
    /// (`<!-`, `<!`) followed by a word close to `internal`, or by `内部` or `不公开`.
    static func looksLikeMarker(_ line: Substring) -> Bool {
        let folded = String(String.UnicodeScalarView(line.unicodeScalars.compactMap(foldedScalar))).lowercased()
        var rest = Substring(folded)
        while let opener = rest.range(of: "<!") {
            rest = rest[opener.upperBound...]
            let inner = rest.drop { $0 == "-" || $0 == "/" }
            if inner.hasPrefix("内部") || inner.hasPrefix("不公开") || inner.hasPrefix("非公开") { return true }
            let word = inner.prefix { $0.isASCII && $0.isLetter }
            if word.count >= 5, Suggestion.distance(Array(word.prefix(10)), Array("internal")) <= 2 { return true }
        }
        return false
    }

    /// A scalar as the marker check reads it: full-width forms as their ASCII letters,
    /// dashes as `-`, every kind of space dropped.
    private static func foldedScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x20, 0x09, 0x0D, 0xA0, 0x3000, 0x200B, 0xFEFF: return nil
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0)
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0x30FC, 0x2500, 0x2501: return "-"
        case 0x3008, 0x300A, 0xFE64: return "<"
        case 0xFE57: return "!"
        default: return scalar
        }
    }

    /// Whether `body` may hold a marker or a near miss: a `!` or a full-width `！` after a
    /// `<` or `＜` somewhere. A byte scan, so that bodies without one are not split into lines.
    private static func mayHoldMarkers(_ body: Substring) -> Bool {
        body.utf8.withContiguousStorageIfAvailable { bytes in
            // "!" is 0x21; "！" is EF BC 81; "<" is 0x3C; "＜" is EF BC 9C.
            for index in bytes.indices where bytes[index] == 0x21 || (bytes[index] == 0x81 && index >= 2 && bytes[index - 1] == 0xBC && bytes[index - 2] == 0xEF) {
                return true
            }
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

extension StringProtocol {
    /// Without the ASCII spaces, tabs and carriage returns at either end.
    var trimmingASCIISpaces: SubSequence {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
        return self[first...last]
    }
}

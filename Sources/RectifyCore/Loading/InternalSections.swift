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

    /// Whether `line` holds something that a reader would take for a marker. After mapping
    /// full-width characters to ASCII and dropping every space: a comment opener, whole or
    /// with a character missing (`<!-`, `<!`, `<-`, `!--`), followed by a comment whose text
    /// holds `内部`, `不公开`, `非公开` or a word within two letters of `internal`, anywhere in it.
    static func looksLikeMarker(_ line: Substring) -> Bool {
        guard mayHoldMarkers(line) else { return false }
        let folded = Array(String(String.UnicodeScalarView(line.unicodeScalars.compactMap(foldedScalar))).lowercased())
        for (index, character) in folded.enumerated() where character == "<" || character == "!" {
            let run = folded[(index + 1)...].prefix { $0 == "!" || $0 == "-" }
            let opens = character == "<" ? !run.isEmpty : run.filter { $0 == "-" }.count >= 2
            guard opens else { continue }
            var comment = String(folded[(index + 1 + run.count)...].drop { $0 == "/" })
            if let end = comment.range(of: ">") { comment = String(comment[..<end.lowerBound]) }
            if ["内部", "不公开", "非公开"].contains(where: comment.contains) { return true }
            let words = comment.split { !($0.isASCII && $0.isLetter) }
            if words.contains(where: { $0.count >= 5 && Suggestion.distance(Array($0.prefix(10)), Array("internal")) <= 2 }) { return true }
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

    /// Whether `text` may hold a marker or a near miss: a `<` or a `!`, or a full-width or
    /// small form of either. A byte scan, so that bodies and lines without one are passed over.
    private static func mayHoldMarkers(_ text: Substring) -> Bool {
        let scan = { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
            for index in bytes.indices {
                switch bytes[index] {
                case 0x21, 0x3C: return true
                // ！ EF BC 81, ＜ EF BC 9C, ﹗ EF B9 97, ﹤ EF B9 A4, 〈 E3 80 88, 《 E3 80 8A
                case 0x81, 0x9C, 0x97, 0xA4, 0x88, 0x8A:
                    guard index >= 2 else { continue }
                    let byte = bytes[index], lead = (bytes[index - 2], bytes[index - 1])
                    if lead == (0xEF, 0xBC) && (byte == 0x81 || byte == 0x9C) || lead == (0xEF, 0xB9) && (byte == 0x97 || byte == 0xA4)
                        || lead == (0xE3, 0x80) && (byte == 0x88 || byte == 0x8A) { return true }
                default: continue
                }
            }
            return false
        }
        return text.utf8.withContiguousStorageIfAvailable(scan) ?? Array(text.utf8).withUnsafeBufferPointer(scan)
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

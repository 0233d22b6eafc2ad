/// A template's output for one context shape: literal text with numbered holes where the
/// context's strings and numbers go, escaped or not as the template asked.
struct RenderPlan: Sendable {
    private struct Piece: Sendable {
        let literal: String
        let slot: Int
        let escaped: Bool
    }

    private let pieces: [Piece]
    private let tail: String
    /// The bytes of the literal text, to size the output once.
    private let literalBytes: Int

    /// Reads the output of a probe render; `nil` if a marker came out changed.
    init?(probeOutput: String) {
        var pieces: [Piece] = []
        var literal = String.UnicodeScalarView()
        var scalars = probeOutput.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            guard scalar == SlotMarker.open else {
                if scalar == SlotMarker.close { return nil }
                literal.append(scalar)
                continue
            }
            let escaped: Bool
            if scalars.starts(with: "<".unicodeScalars) {
                escaped = false
                scalars = scalars.dropFirst(1)
            } else if scalars.starts(with: "&lt;".unicodeScalars) {
                escaped = true
                scalars = scalars.dropFirst(4)
            } else {
                return nil
            }
            var number = 0
            var digits = 0
            while let digit = scalars.first, let value = Int(String(digit)), digit.isASCII {
                number = number * 10 + value
                digits += 1
                scalars = scalars.dropFirst()
            }
            guard digits > 0, scalars.popFirst() == SlotMarker.close else { return nil }
            pieces.append(Piece(literal: String(literal), slot: number, escaped: escaped))
            literal = String.UnicodeScalarView()
        }
        self.pieces = pieces
        tail = String(literal)
        literalBytes = pieces.reduce(tail.utf8.count) { $0 + $1.literal.utf8.count }
    }

    /// The output for a context of this shape with these values.
    func render(_ values: [SlotValue]) -> String? {
        var output = ""
        var valueBytes = 0
        for piece in pieces where piece.slot < values.count { valueBytes += values[piece.slot].text.utf8.count }
        // Escaping may add a little; the page (9 KB, or 6 MB for a ledger) is not grown step by step.
        output.reserveCapacity(literalBytes + valueBytes + valueBytes / 16 + 64)
        for piece in pieces {
            guard piece.slot < values.count else { return nil }
            output += piece.literal
            let value = values[piece.slot].printed
            if piece.escaped { HTMLEscape.append(value, to: &output) } else { output += value }
        }
        output += tail
        return output
    }
}

/// The one HTML escaper, used by the render plans and, as Mustache's `HTML` content type,
/// by Mustache itself (`Theme` registers it): `<>&"'` become entities wherever they are,
/// byte by byte. Never character by character: a `"` followed by a combining mark is one
/// `Character` that is not `"`, and would stay a raw quote in an attribute.
public enum HTMLEscape {
    public static func append(_ text: Substring, to output: inout String) {
        let isSpecial = { (byte: UInt8) in byte < 64 && (special >> byte) & 1 != 0 }
        let plain = text.utf8.withContiguousStorageIfAvailable { !$0.contains(where: isSpecial) } ?? !text.utf8.contains(where: isSpecial)
        guard !plain else {
            output += text
            return
        }
        // The special bytes are ASCII, so each is a whole Unicode scalar: the runs between
        // them are cut on the scalar view, which never rounds an index to a character.
        let scalars = text.unicodeScalars
        var run = scalars.startIndex
        var index = run
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let replacement: String? = switch scalar {
            case "<": "&lt;"
            case ">": "&gt;"
            case "&": "&amp;"
            case "\"": "&quot;"
            case "'": "&#39;"
            default: nil
            }
            if let replacement {
                output.unicodeScalars.append(contentsOf: scalars[run..<index])
                output += replacement
                run = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        output.unicodeScalars.append(contentsOf: scalars[run...])
    }

    public static func escaped(_ text: String) -> String {
        var output = ""
        append(text[...], to: &output)
        return output
    }

    /// `<>&"'` as bits of a mask, by byte value (all are below 64).
    private static let special: UInt64 = 1 << 0x3C | 1 << 0x3E | 1 << 0x26 | 1 << 0x22 | 1 << 0x27
}

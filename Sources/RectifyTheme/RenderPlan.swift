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
    }

    /// The output for a context of this shape with these values.
    func render(_ values: [SlotValue]) -> String? {
        var output = ""
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

/// HTML escaping exactly as swift-mustache does it (character by character, `<>&"'`), with a
/// quick return for text that has none of them.
public enum HTMLEscape {
    public static func append(_ text: Substring, to output: inout String) {
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else {
            output += text
            return
        }
        for character in text {
            switch character {
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
    }
}

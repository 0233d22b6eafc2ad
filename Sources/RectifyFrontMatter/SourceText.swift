import Foundation

/// Turns file bytes into text: strict UTF-8 (the error names the first bad line),
/// an optional byte-order mark dropped, CRLF and CR line ends made LF.
public enum SourceText {
    public static func decode(_ data: Data) throws(FrontMatterError) -> String {
        try decode([UInt8](data))
    }

    public static func decode(_ bytes: [UInt8]) throws(FrontMatterError) -> String {
        // Every content file comes through here, twice for an item (loading, then its body
        // when it is rendered): byte scans with `memchr`, and no copy before the string.
        let decoded: Result<(text: String, hasCarriageReturn: Bool), FrontMatterError> = bytes.withUnsafeBufferPointer { all in
            let skip = all.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let text = UnsafeBufferPointer(rebasing: all[skip...])
            guard let base = text.baseAddress, !text.isEmpty else { return .success(("", false)) }
            if let nul = memchr(base, 0, text.count) {
                let offset = UnsafePointer<UInt8>(nul.assumingMemoryBound(to: UInt8.self)) - base
                return .failure(FrontMatterError(line: line(ofOffset: offset, in: Array(text)), .nulByte))
            }
            guard let string = String(validating: text, as: UTF8.self) else {
                let rest = Array(text)
                return .failure(FrontMatterError(line: line(ofOffset: firstInvalidOffset(rest), in: rest), .invalidUTF8))
            }
            return .success((string, memchr(base, 0x0D, text.count) != nil))
        }
        let (text, hasCarriageReturn) = try decoded.get()
        if !hasCarriageReturn { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    private static func line(ofOffset offset: Int, in bytes: [UInt8]) -> Int {
        bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence.
    private static func firstInvalidOffset(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return bytes.count
            case .error: return min(offset, bytes.count - 1)
            }
        }
    }
}

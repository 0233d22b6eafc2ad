import Foundation

/// Turns file bytes into text: strict UTF-8 (the error names the first bad line),
/// an optional byte-order mark dropped, CRLF and CR line ends made LF.
public enum SourceText {
    public static func decode(_ data: Data) throws(FrontMatterError) -> String {
        try decode([UInt8](data))
    }

    public static func decode(_ bytes: [UInt8]) throws(FrontMatterError) -> String {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.contains(0) {
            throw FrontMatterError(line: line(ofOffset: bytes.firstIndex(of: 0)!, in: bytes), message: "the file contains a NUL byte")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw FrontMatterError(line: line(ofOffset: firstInvalidOffset(bytes), in: bytes), message: "invalid UTF-8 (save the file as UTF-8)")
        }
        if !bytes.contains(0x0D) { return text }
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

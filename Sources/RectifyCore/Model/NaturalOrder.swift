/// Orders identifiers the way people read them: runs of digits compare as numbers,
/// so `1.2.9` comes before `1.2.10`, and `A2` before `A10`.
public enum NaturalOrder {
    public static func areInIncreasingOrder(_ lhs: String, _ rhs: String) -> Bool {
        isLess(chunks(lhs), lhs, chunks(rhs), rhs)
    }

    /// `values` sorted by `key` in natural order; each key is split into runs once, not on
    /// every comparison.
    ///
    /// Values already in order (items listed from files named by their IDs) are returned
    /// after one pass.
    public static func sorted<T>(_ values: [T], by key: (T) -> String) -> [T] {
        let keyed = values.map { value -> (chunks: [Chunk], key: String, value: T) in
            let text = key(value)
            return (chunks(text), text, value)
        }
        if keyed.indices.dropFirst().allSatisfy({ !isLess(keyed[$0].chunks, keyed[$0].key, keyed[$0 - 1].chunks, keyed[$0 - 1].key) }) {
            return values
        }
        return keyed.sorted { isLess($0.chunks, $0.key, $1.chunks, $1.key) }.map(\.value)
    }

    private static func isLess(_ left: [Chunk], _ lhs: String, _ right: [Chunk], _ rhs: String) -> Bool {
        for (a, b) in zip(left, right) where a != b {
            return a < b
        }
        if left.count != right.count { return left.count < right.count }
        return lhs < rhs
    }

    public enum Chunk: Comparable, Sendable {
        // Numbers sort before text at the same position. Up to 18 digits, the value is read
        // once, when the key is split, not on every comparison.
        case number(digits: String, value: UInt64?)
        case text(String)

        static func number(digits: String) -> Chunk {
            .number(digits: digits, value: digits.utf8.count <= 18 ? UInt64(digits) : nil)
        }

        public static func < (lhs: Chunk, rhs: Chunk) -> Bool {
            switch (lhs, rhs) {
            case (.number(let a, let x?), .number(let b, let y?)):
                // Compare the values, then the digit counts (`01` after `1`), as the general
                // case below does.
                return x != y ? x < y : a.utf8.count < b.utf8.count
            case (.number(let a, _), .number(let b, _)):
                let x = a.drop { $0 == "0" }, y = b.drop { $0 == "0" }
                if x.count != y.count { return x.count < y.count }
                if x != y { return x < y }
                return a.count < b.count
            case (.number, .text): return true
            case (.text, .number): return false
            case (.text(let a), .text(let b)): return a < b
            }
        }
    }

    /// Runs of ASCII digits and runs of anything else, split on the UTF-8 bytes (a digit is
    /// one ASCII byte, so every split falls between characters' scalars).
    private static func chunks(_ text: String) -> [Chunk] {
        var result: [Chunk] = []
        let bytes = text.utf8
        var start = bytes.startIndex
        var inDigits = false
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
            if index != start && isDigit != inDigits {
                let run = String(text[start..<index])
                result.append(inDigits ? .number(digits: run) : .text(run))
                start = index
            }
            inDigits = isDigit
            index = bytes.index(after: index)
        }
        if start != bytes.endIndex {
            let run = String(text[start...])
            result.append(inDigits ? .number(digits: run) : .text(run))
        }
        return result
    }
}

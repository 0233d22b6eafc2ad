#if canImport(Glibc)
import Glibc
#endif
/// What decides how Mustache renders a context, apart from the text of its strings.
///
/// Without transforms, lambdas or dynamic partials, swift-mustache looks values up by key
/// and tests them only for presence, for `true`/`false` and for array length. A string or
/// number is only ever printed. So two contexts with the same keys, booleans and array
/// lengths render to the same output, up to the printed text: that structure is the shape.
/// Whether a string is empty or ends with a newline is part of the shape too, because
/// partial indentation looks at both.
struct ContextShape {
    /// The structure, written out: keys sorted (a dictionary's own order differs from one
    /// instance to the next), arrays with their length. Key names are the views' own
    /// identifiers, none containing U+0001.
    let key: String
    /// Every non-empty string or number, in the order the walk met them.
    let values: [SlotValue]

    /// The shape of `context`; `nil` when it holds a value other than dictionaries, arrays,
    /// strings, integers and booleans, a string containing a marker character, or more than
    /// `limit` values.
    init?(of context: [String: Any], limit: Int) {
        var walk = Walk(limit: limit)
        guard walk.visit(context) else { return nil }
        key = walk.key
        values = walk.values
    }


    /// `context` with its values replaced by `SlotMarker.marker(first)`,
    /// `SlotMarker.marker(first + 1)` and so on, in walk order: the same shape.
    static func probe(_ context: [String: Any], first: Int) -> [String: Any] {
        var next = first
        return probe(context, next: &next) as? [String: Any] ?? [:]
    }

    private static func probe(_ value: Any, next: inout Int) -> Any {
        // Classified and iterated exactly as the walk does, so the numbers match.
        func probe(_ dictionary: [String: Any], next: inout Int) -> [String: Any] {
            var result: [String: Any] = [:]
            for (key, value) in dictionary.sorted(by: { $0.key < $1.key }) { result[key] = Self.probe(value, next: &next) }
            return result
        }
        func probe(_ string: String, next: inout Int) -> String {
            guard !string.isEmpty else { return "" }
            defer { next += 1 }
            return SlotMarker.marker(next) + (string.last == "\n" ? "\n" : "")
        }
        switch TemplateValue(value) {
        case .string(let string):
            return probe(string, next: &next)
        case .int:
            defer { next += 1 }
            return SlotMarker.marker(next)
        case .bool(let bool):
            return bool
        case .map(let dictionary):
            return probe(dictionary, next: &next)
        case .maps(let array):
            return array.map { probe($0, next: &next) }
        case .strings(let dictionary):
            var result: [String: Any] = [:]
            for (key, value) in dictionary.sorted(by: { $0.key < $1.key }) { result[key] = probe(value, next: &next) }
            return result
        case .list(let array):
            return array.map { Self.probe($0, next: &next) }
        case .other:
            return value
        }
    }

    private struct Walk {
        /// Contexts with more text than this are index pages with their rows already
        /// rendered: Mustache places those in one step, and a probe would copy megabytes.
        static let textLimit = 1 << 20
        let limit: Int
        var text = 0
        var key = ""
        var values: [SlotValue] = []

        mutating func visit(_ value: Any) -> Bool {
            switch TemplateValue(value) {
            case .string(let string): return visit(string)
            case .map(let dictionary): return visit(dictionary: dictionary) { $0.visit($1) }
            case .strings(let dictionary): return visit(dictionary: dictionary) { $0.visit($1) }
            case .maps(let array): return visit(array: array) { $0.visit(dictionary: $1) { $0.visit($1) } }
            case .list(let array): return visit(array: array) { $0.visit($1) }
            case .bool(let bool):
                key += bool ? "T" : "F"
            case .int(let number):
                key += "s"
                values.append(SlotValue(text: String(number), endsWithNewline: false))
            case .other:
                return false
            }
            return true
        }

        /// `{name\u{1}value…}`, names sorted.
        mutating func visit<Value>(dictionary: [String: Value], _ each: (inout Walk, Value) -> Bool) -> Bool {
            key += "{"
            for (name, value) in dictionary.sorted(by: { $0.key < $1.key }) {
                key += name
                key += "\u{1}"
                guard each(&self, value) else { return false }
            }
            key += "}"
            return true
        }

        /// `[count…]`.
        mutating func visit<Element>(array: [Element], _ each: (inout Walk, Element) -> Bool) -> Bool {
            guard values.count + array.count <= limit else { return false }
            key += "[\(array.count)"
            for element in array {
                guard each(&self, element) else { return false }
            }
            key += "]"
            return true
        }

        mutating func visit(_ string: String) -> Bool {
            text += string.utf8.count
            guard text <= Self.textLimit, !SlotMarker.occurs(in: string) else { return false }
            if string.isEmpty {
                key += "e"
            } else if string.last == "\n" {
                key += "n"
                values.append(SlotValue(text: string, endsWithNewline: true))
            } else {
                key += "s"
                values.append(SlotValue(text: string, endsWithNewline: false))
            }
            return true
        }
    }
}

/// A context value by its exact type. The type is read by opening the existential and
/// comparing metatypes: an `as?` cast to `[String: Any]` checks every element, and the walk
/// meets every dictionary of every page.
enum TemplateValue {
    case string(String)
    case int(Int)
    case bool(Bool)
    case map([String: Any])
    case maps([[String: Any]])
    case strings([String: String])
    case list([Any])
    case other

    init(_ value: Any) {
        func classify<T>(_ value: T) -> TemplateValue {
            if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
            if T.self == [String: Any].self { return .map(unsafeBitCast(value, to: [String: Any].self)) }
            if T.self == [[String: Any]].self { return .maps(unsafeBitCast(value, to: [[String: Any]].self)) }
            if T.self == Int.self { return .int(unsafeBitCast(value, to: Int.self)) }
            if T.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
            if T.self == [String: String].self { return .strings(unsafeBitCast(value, to: [String: String].self)) }
            if T.self == [Any].self { return .list(unsafeBitCast(value, to: [Any].self)) }
            // Anything else (another array or dictionary type): the general casts.
            switch value {
            case let dictionary as [String: Any]: return .map(dictionary)
            case let array as [Any]: return .list(array)
            default: return .other
            }
        }
        self = _openExistential(value, do: classify)
    }
}

/// A printed value. One that ends with a newline stands in the probe as its marker followed
/// by that newline, so the plan takes the value without it.
struct SlotValue {
    let text: String
    let endsWithNewline: Bool

    var printed: Substring { endsWithNewline ? text[..<text.index(before: text.endIndex)] : text[...] }
}

/// The marker that stands for value `i` in a probe render: private-use characters around
/// the number, with a `<` that tells, once rendered, whether the template escaped it.
enum SlotMarker {
    static let open: Unicode.Scalar = "\u{E000}"
    static let close: Unicode.Scalar = "\u{E001}"

    static func marker(_ index: Int) -> String {
        "\u{E000}<\(index)\u{E001}"
    }

    static func occurs(in text: String) -> Bool {
        // U+E000 and U+E001 are EE 80 80 and EE 80 81 in UTF-8.
        var text = text
        return text.withUTF8 { bytes in
            guard var position = bytes.baseAddress else { return false }
            let end = position + bytes.count
            while let raw = memchr(position, 0xEE, end - position) {
                let found = UnsafePointer<UInt8>(raw.assumingMemoryBound(to: UInt8.self))
                if end - found >= 3 && found[1] == 0x80 && (found[2] == 0x80 || found[2] == 0x81) { return true }
                position = found + 1
            }
            return false
        }
    }
}

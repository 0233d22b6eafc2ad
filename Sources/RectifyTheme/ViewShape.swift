#if canImport(Glibc)
import Glibc
#endif

/// What decides how Mustache renders a view, apart from the text it prints.
///
/// swift-mustache tests a value only for presence, for `true`/`false` and for a list's
/// length; text and numbers are only printed. So two views with the same fields present,
/// the same flags and the same list lengths render to the same output up to the printed
/// text: that structure is the shape, read from the views' contracts. Whether a text is
/// empty or ends with a newline is part of the shape too, because partial indentation looks
/// at both. The labels are the same for every page of a build, so they are not walked.
struct ViewShape {
    /// Contexts with more text than this are index pages with their rows already rendered:
    /// Mustache places those in one step, and a probe would copy megabytes.
    static let textLimit = 1 << 20

    /// The structure, written out.
    let key: String
    /// Every non-empty text and every number, in the order the walk met them.
    let values: [SlotValue]

    /// The shape of `view`; nil when it holds more than `limit` values or too much text,
    /// or a text containing a marker character.
    init?(of view: any TemplateView, limit: Int) {
        var walk = Walk(limit: limit)
        guard walk.visit(view) else { return nil }
        key = walk.key
        values = walk.values
    }

    private struct Walk {
        let limit: Int
        var text = 0
        var key = ""
        var values: [SlotValue] = []

        mutating func visit(_ view: any TemplateView) -> Bool {
            key += "{"
            let completed = view.visitFields { _, tag, value in
                guard let value else {
                    key += "-"
                    return true
                }
                switch tag {
                case .text:
                    guard let string = value as? String else { return false }
                    return visit(string)
                case .number:
                    guard let number = value as? Int else { return false }
                    key += "s"
                    values.append(SlotValue(text: String(number), endsWithNewline: false))
                    return values.count <= limit
                case .flag:
                    guard let flag = value as? Bool else { return false }
                    key += flag ? "T" : "F"
                    return true
                case .labels:
                    key += "L"
                    return true
                case .view:
                    guard let inner = value as? any TemplateView else { return false }
                    return visit(inner)
                case .list:
                    guard let list = value as? any TemplateViewList, values.count + list.viewCount <= limit else { return false }
                    key += "[\(list.viewCount)"
                    guard list.visitViews({ visit($0) }) else { return false }
                    key += "]"
                    return true
                }
            }
            key += "}"
            return completed
        }

        mutating func visit(_ string: String) -> Bool {
            text += string.utf8.count
            guard text <= ViewShape.textLimit, !SlotMarker.occurs(in: string) else { return false }
            if string.isEmpty {
                key += "e"
            } else if string.last == "\n" {
                key += "n"
                values.append(SlotValue(text: string, endsWithNewline: true))
            } else {
                key += "s"
                values.append(SlotValue(text: string, endsWithNewline: false))
            }
            return values.count <= limit
        }
    }

    /// `view` as plain values with its text and numbers replaced by `SlotMarker.marker(0)`,
    /// `marker(1)` and so on, in walk order: the same shape, for the probe render.
    static func probe(_ view: any TemplateView) -> [String: Any] {
        var next = 0
        return probe(view, next: &next)
    }

    private static func probe(_ view: any TemplateView, next: inout Int) -> [String: Any] {
        var result: [String: Any] = [:]
        _ = view.visitFields { name, tag, value in
            guard let value else { return true }
            let probed: Any
            switch tag {
            case .text:
                let string = value as? String ?? ""
                if string.isEmpty {
                    probed = ""
                } else {
                    probed = SlotMarker.marker(next) + (string.last == "\n" ? "\n" : "")
                    next += 1
                }
            case .number:
                probed = SlotMarker.marker(next)
                next += 1
            case .flag, .labels:
                probed = value
            case .view:
                probed = (value as? any TemplateView).map { probe($0, next: &next) } ?? [:]
            case .list:
                var elements: [[String: Any]] = []
                _ = (value as? any TemplateViewList)?.visitViews { elements.append(probe($0, next: &next)); return true }
                probed = elements
            }
            if result[name] == nil { result[name] = probed }
            return true
        }
        return result
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

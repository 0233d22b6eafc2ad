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
    let key: [UInt8]
    /// Every non-empty text and every number, in the order the walk met them.
    let values: [SlotValue]

    /// The shape of `view`; nil when it holds more than `limit` values or too much text,
    /// or a text containing a marker character.
    init?(of view: any TemplateView, limit: Int) {
        var walk = ShapeWalk(limit: limit)
        guard walk.view(view) else { return nil }
        key = walk.key
        values = walk.values
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

/// A walk over a view's fields in contract order, typed all the way down: each field's
/// `shape` closure knows its value's type, so nothing is boxed in `Any` or cast back.
struct ShapeWalk {
    let limit: Int
    var text = 0
    var key: [UInt8] = []
    var values: [SlotValue] = []

    init(limit: Int) {
        self.limit = limit
        key.reserveCapacity(256)
        values.reserveCapacity(64)
    }

    mutating func view<View: TemplateView>(_ view: View) -> Bool {
        key.append(UInt8(ascii: "{"))
        guard fields(of: view) else { return false }
        key.append(UInt8(ascii: "}"))
        return true
    }

    /// The fields of `view`, without the braces of a nested view.
    mutating func fields<View: TemplateView>(of view: View) -> Bool {
        let shapes = View.contract.shapes
        for index in shapes.indices {
            guard shapes[index](view, &self) else { return false }
        }
        return true
    }

    mutating func absent() -> Bool {
        key.append(UInt8(ascii: "-"))
        return true
    }

    mutating func text(_ string: String?) -> Bool {
        guard let string else { return absent() }
        text += string.utf8.count
        guard text <= ViewShape.textLimit, !SlotMarker.occurs(in: string) else { return false }
        if string.isEmpty {
            key.append(UInt8(ascii: "e"))
        } else if string.utf8.last == 0x0A {
            key.append(UInt8(ascii: "n"))
            values.append(SlotValue(text: string, endsWithNewline: true))
        } else {
            key.append(UInt8(ascii: "s"))
            values.append(SlotValue(text: string, endsWithNewline: false))
        }
        return values.count <= limit
    }

    mutating func number(_ number: Int) -> Bool {
        key.append(UInt8(ascii: "s"))
        values.append(SlotValue(text: String(number), endsWithNewline: false))
        return values.count <= limit
    }

    mutating func flag(_ flag: Bool) -> Bool {
        key.append(flag ? UInt8(ascii: "T") : UInt8(ascii: "F"))
        return true
    }

    /// The labels are the same for every page of a build: only their presence is noted.
    mutating func labels() -> Bool {
        key.append(UInt8(ascii: "L"))
        return true
    }

    /// A lazy list is made only if its length leaves the walk under its limit.
    mutating func list<View: TemplateView>(_ lazy: LazyList<View>) -> Bool {
        guard values.count + lazy.count <= limit else { return false }
        return list(lazy.elements)
    }

    mutating func list<View: TemplateView>(_ views: [View]) -> Bool {
        guard values.count + views.count <= limit else { return false }
        key.append(UInt8(ascii: "["))
        var count = views.count
        repeat {
            key.append(UInt8(truncatingIfNeeded: count & 0x7F) | (count > 0x7F ? 0x80 : 0))
            count >>= 7
        } while count > 0
        for view in views { guard self.view(view) else { return false } }
        key.append(UInt8(ascii: "]"))
        return true
    }
}

/// A printed value. One that ends with a newline stands in the probe as its marker followed
/// by that newline, so the plan takes the value without it.
struct SlotValue {
    let text: String
    let endsWithNewline: Bool

    /// Without the newline: one scalar, not one character, since "\r\n" is one character.
    var printed: Substring { endsWithNewline ? Substring(text.unicodeScalars.dropLast()) : text[...] }
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

/// A Markdown file split into its YAML front matter and its body.
///
/// The front matter sits between a first line `---` and the next line `---`
/// (or `...`). Lines are counted in the whole file, so errors point at the file.
public struct MarkdownDocument: Sendable {
    public let frontMatter: YAMLNode
    /// The body, without its last line break, as a slice of the file's text: nothing is
    /// copied until `body` is asked for.
    public let bodyText: Substring
    /// The file line on which `body` starts.
    public let bodyStartLine: Int
    /// Where the body starts in the text, in UTF-8 bytes; with `bodyText.utf8.count`, the
    /// body's place in the text, to read it again later (`ItemBodies`).
    public let bodyOffset: Int
    /// A hash of the whole text's bytes, with this process's seed: a body read again later
    /// must come from exactly the text that was loaded (`ItemBodies`).
    public let textFingerprint: Int

    public var body: String { String(bodyText) }

    public init(parsing text: String) throws(FrontMatterError) {
        // Lines are found on the UTF-8 view up to the closing marker only; the body, usually
        // most of the file, is taken as it is.
        let lines = Self.lines(of: text)
        guard let first = lines.next(), Self.isMarker(first.text, "---") else {
            throw FrontMatterError(line: 1, .missingFrontMatter)
        }
        var lineNumber = 1
        var closing: (start: String.Index, end: String.Index, number: Int)?
        while let line = lines.next() {
            lineNumber += 1
            if Self.isMarker(line.text, "---") || Self.isMarker(line.text, "...") {
                closing = (line.text.startIndex, line.end, lineNumber)
                break
            }
        }
        guard let closing else {
            throw FrontMatterError(line: 1, .unclosedFrontMatter)
        }
        var yaml = text[first.end..<closing.start]
        if yaml.utf8.last == UInt8(ascii: "\n") { yaml = yaml[..<yaml.index(before: yaml.endIndex)] }
        frontMatter = try YAMLDocument.parse(String(yaml), lineOffset: 1)
        guard frontMatter.entries != nil else {
            throw FrontMatterError(line: 2, .notAMapping)
        }
        // Index arithmetic, not `dropLast()`, which counts the characters of the whole body.
        var body = text[closing.end...]
        if body.utf8.last == UInt8(ascii: "\n") { body = body[..<body.index(before: body.endIndex)] }
        bodyText = body
        bodyOffset = text.utf8.distance(from: text.utf8.startIndex, to: body.startIndex)
        textFingerprint = Self.fingerprint(text)
        bodyStartLine = closing.number + 1
    }

    /// A hash of `text`'s UTF-8 bytes, the same for the same bytes within one process.
    public static func fingerprint(_ text: String) -> Int {
        var text = text
        var hasher = Hasher()
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        return hasher.finalize()
    }

    private static func isMarker(_ line: Substring, _ marker: String) -> Bool {
        var line = line
        while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
        return line == marker
    }

    /// The lines of `text`, each with the index just past its line break.
    private static func lines(of text: String) -> AnyIterator<(text: Substring, end: String.Index)> {
        var position = text.startIndex
        return AnyIterator {
            guard position < text.endIndex else { return nil }
            let start = position
            if let newline = text.utf8[position...].firstIndex(of: UInt8(ascii: "\n")) {
                position = text.utf8.index(after: newline)
                return (text[start..<newline], position)
            }
            position = text.endIndex
            return (text[start...], position)
        }
    }
}

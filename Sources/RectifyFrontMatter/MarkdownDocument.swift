/// A Markdown file split into its YAML front matter and its body.
///
/// The front matter sits between a first line `---` and the next line `---`
/// (or `...`). Lines are counted in the whole file, so errors point at the file.
public struct MarkdownDocument: Sendable {
    public let frontMatter: YAMLNode
    public let body: String
    /// The file line on which `body` starts.
    public let bodyStartLine: Int

    public init(parsing text: String) throws(FrontMatterError) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
            throw FrontMatterError(line: 1, message: "missing front matter: the file must start with a line \"---\"")
        }
        guard let closing = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingTrailingSpaces()
            return line == "---" || line == "..."
        }) else {
            throw FrontMatterError(line: 1, message: "front matter is not closed: add a line \"---\" after it")
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        frontMatter = try YAMLDocument.parse(yaml, lineOffset: 1)
        guard frontMatter.entries != nil else {
            throw FrontMatterError(line: 2, message: "front matter must be a mapping of keys to values")
        }
        body = lines[(closing + 1)...].joined(separator: "\n")
        bodyStartLine = closing + 2
    }
}

extension Substring {
    fileprivate func trimmingTrailingSpaces() -> Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}

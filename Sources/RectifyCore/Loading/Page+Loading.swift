import RectifyFrontMatter

extension Page {
    static let knownKeys = ["title", "weight"]

    /// Reads a free page; its name comes from the file name, which must be a valid identifier.
    static func load(_ document: MarkdownDocument, name: String, file: String, log: DiagnosticLog) -> Page? {
        if let problem = Identifier.problem(name) {
            log.error(file, nil, "page file name \"\(name)\" \(problem)")
            return nil
        }
        let fields = FieldReader(node: document.frontMatter, file: file, log: log)
        fields.warnUnknownKeys(knownKeys)
        var weight = 0
        if let entry = document.frontMatter["weight"] {
            if let text = fields.text(entry), let number = Int(text) {
                weight = number
            } else {
                log.error(file, entry.value.line, "\"weight\" must be a whole number")
            }
        }
        let sections = InternalSections.find(in: document.bodyText, firstLine: document.bodyStartLine, file: file, log: log)
        guard let title = fields.text("title") else { return nil }
        var page = Page(name: name, title: title, weight: weight,
                        source: SourceFile(displayPath: file, relativePath: "pages/\(name).md", bodyStartLine: document.bodyStartLine))
        page.internalSections = sections
        return page
    }
}

import RectifyFrontMatter

extension Item {
    static let knownKeys = ["id", "title", "category", "group", "status", "leader", "department", "deadline", "measures", "updates", "visibility"]

    /// Reads one item file's front matter against the site's keys; nil if it had errors.
    /// `publicEdition`: the build makes the public edition, so a near miss of a marking is an error.
    static func load(_ document: MarkdownDocument, file: String, relativePath: String, config: SiteConfig, log: DiagnosticLog,
                     publicEdition: Bool = false) -> Item? {
        let errorsBefore = log.errors.count
        var fields = FieldReader(node: document.frontMatter, file: file, log: log)
        if publicEdition { fields.guardedMarkings = ["visibility", "internal"] }
        fields.warnUnknownKeys(knownKeys)

        let id = fields.text("id")
        if let id, let problem = Identifier.problem(id) {
            log.error(file, document.frontMatter["id"]?.value.line, log.messages.idProblem(id, problem: problem, notASCII: Identifier.isNotASCII(id)))
        }
        let title = fields.text("title")
        let category = fields.text("category")
        if let category, config.category(category) == nil {
            log.error(file, document.frontMatter["category"]?.value.line, log.messages.unknownCategory(category, expected: config.categories.map(\.key)))
        }
        let group = fields.text("group")
        if let group, let category = category.flatMap(config.category), !category.groups.contains(where: { $0.key == group }) {
            log.error(file, document.frontMatter["group"]?.value.line, log.messages.unknownGroup(group, category: category.key, expected: category.groups.map(\.key)))
        }
        let status = fields.text("status")
        if let status { checkStatus(status, line: document.frontMatter["status"]?.value.line, file: file, config: config, log: log) }
        let leader = fields.text("leader")
        // One unit, or a list: the lead unit (牵头单位) first, then the co-operating ones.
        var department: String?
        var coDepartments: [String] = []
        if let entry = document.frontMatter["department"], let units = entry.value.sequence {
            let names = units.compactMap { $0.string?.trimmedSpaces }.filter { !$0.isEmpty }
            if names.isEmpty || names.count != units.count {
                log.error(file, entry.keyLine, "\"department\" must list the units as text, the lead unit first")
            }
            department = names.first
            coDepartments = Array(names.dropFirst())
        } else {
            department = fields.text("department")
        }
        let deadline = fields.day("deadline")
        let measures = fields.optionalText("measures")
        let updates = loadUpdates(fields, config: config)
        let visibility = fields.optionalText("visibility")
        if let visibility, visibility != "internal", visibility != "public" {
            log.error(file, document.frontMatter["visibility"]?.value.line, log.messages.badVisibility(visibility))
        }
        let sections = InternalSections.find(in: document.bodyText, firstLine: document.bodyStartLine, file: file, log: log)

        guard log.errors.count == errorsBefore, let id, let title, let category, let group, let status,
              let leader, let department, let deadline else { return nil }
        var item = Item(
            id: id, title: title, category: category, group: group, status: status,
            leader: leader, department: department, deadline: deadline, measures: measures,
            updates: updates.sorted { $0.date < $1.date },
            source: SourceFile(displayPath: file, relativePath: relativePath, bodyStartLine: document.bodyStartLine))
        item.statusLine = document.frontMatter["status"]?.value.line
        item.departmentLine = document.frontMatter["department"]?.value.line
        item.coDepartments = coDepartments
        item.isInternal = visibility == "internal"
        item.visibilityLine = document.frontMatter["visibility"]?.value.line
        item.internalSections = sections
        return item
    }

    private static func loadUpdates(_ fields: FieldReader, config: SiteConfig) -> [Update] {
        var updates: [Update] = []
        for node in fields.list("updates") ?? [] {
            guard var entry = fields.element(node, of: "updates") else { continue }
            entry.guardedMarkings = fields.guardedMarkings
            entry.warnUnknownKeys(["date", "note", "status", "internal"])
            let date = entry.day("date")
            let note = entry.text("note")
            let status = entry.optionalText("status")
            if let status {
                checkStatus(status, line: node["status"]?.value.line, file: fields.file, config: config, log: fields.log)
            }
            let isInternal = entry.bool("internal")
            if let date, let note {
                var update = Update(date: date, note: note, status: status, line: node["date"]?.value.line ?? node.line)
                update.isInternal = isInternal
                updates.append(update)
            }
        }
        return updates
    }

    private static func checkStatus(_ status: String, line: Int?, file: String, config: SiteConfig, log: DiagnosticLog) {
        guard config.status(status) == nil else { return }
        // A status's label typed for its key ("整改中" for in_progress) gets the key; so does a
        // ledger's word for it (持续整改), or a part of a label (完成 for 已完成).
        let keys = Set(config.statuses.map(\.key))
        let suggestion = config.statuses.first { $0.label == status }?.key
            ?? StatusWords.all.first { keys.contains($0.key) && $0.words.contains(status) }?.key
            ?? (status.count >= 2 ? config.statuses.first { $0.label.contains(status) || status.contains($0.label) }?.key : nil)
        log.error(file, line, log.messages.unknownStatus(status, expected: config.statuses.map { ($0.key, $0.label) }, suggestion: suggestion))
    }
}

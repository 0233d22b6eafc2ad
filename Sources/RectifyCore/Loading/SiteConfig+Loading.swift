import Foundation
import RectifyFrontMatter

extension SiteConfig {
    static let knownKeys = ["title", "language", "description", "notice", "issuer", "statuses", "categories", "warning_days", "stale_days", "departments", "base_url", "public_edition"]

    /// Reads `site.yml`; logs every problem and returns nil if any was an error.
    /// `publicEdition`: the build makes the public edition, so a near miss of `public_edition`
    /// and any unknown key inside it are errors.
    static func load(_ node: YAMLNode, file: String, languages: [String], log: DiagnosticLog, publicEdition: Bool = false) -> SiteConfig? {
        let errorsBefore = log.errors.count
        guard node.entries != nil else {
            log.error(file, node.line, "site.yml must be a mapping of keys to values")
            return nil
        }
        var fields = FieldReader(node: node, file: file, log: log)
        if publicEdition { fields.guardedMarkings = ["public_edition"] }
        fields.warnUnknownKeys(knownKeys)
        let title = fields.text("title")
        let language = fields.text("language")
        if let language, !languages.contains(language), let entry = node["language"] {
            log.error(file, entry.value.line, "unsupported language \"\(language)\" (expected one of: \(languages.joined(separator: ", ")))")
        }
        let warningDays = fields.days("warning_days", default: 10)
        let staleDays = fields.days("stale_days", default: 30)
        let departments = loadDepartments(fields, log: log)
        let baseURL = fields.optionalText("base_url")
        if let baseURL, let problem = baseURLProblem(baseURL), let entry = node["base_url"] {
            log.error(file, entry.value.line, "\"base_url\" \(problem), e.g. https://intranet.example/zhenggai/")
        }
        let statuses = loadStatuses(fields, log: log)
        let categories = loadCategories(fields, log: log)
        guard log.errors.count == errorsBefore, let title, let language else { return nil }
        var config = SiteConfig(
            title: title, language: language,
            description: fields.optionalText("description"), notice: fields.optionalText("notice"),
            statuses: statuses, categories: categories, warningDays: warningDays, staleDays: staleDays, baseURL: baseURL, departments: departments)
        config.issuer = fields.optionalText("issuer")
        config.publicEdition = loadPublicEdition(fields, log: log)
        guard log.errors.count == errorsBefore else { return nil }
        return config
    }

    /// `public_edition:`: a rule per field, whether the count of items left out is stated,
    /// its sentence, and whether evidence files are published.
    private static func loadPublicEdition(_ fields: FieldReader, log: DiagnosticLog) -> PublicEditionRules {
        var rules = PublicEditionRules()
        guard let entry = fields.node["public_edition"] else { return rules }
        guard entry.value.entries != nil else {
            log.error(fields.file, entry.keyLine, "\"public_edition\" must be a mapping, e.g. leader: 分管领导")
            return rules
        }
        var edition = FieldReader(node: entry.value, file: fields.file, log: log)
        edition.unknownKeysAreErrors = !fields.guardedMarkings.isEmpty
        edition.warnUnknownKeys(PublicEditionRules.fieldNames + ["withheld", "withheld_note", "attachments"])
        for name in PublicEditionRules.fieldNames {
            guard let value = edition.optionalText(name), let line = entry.value[name]?.value.line else { continue }
            switch (name, value) {
            case (_, "keep"): rules.fields[name] = .keep
            case ("department", "omit"): log.error(fields.file, line, log.messages.departmentCannotBeOmitted())
            case (_, "omit"): rules.fields[name] = .omit
            case ("updates", _): log.error(fields.file, line, log.messages.badUpdatesRule(value))
            case (_, _) where ["keep", "omit"].contains(value.lowercased()): log.error(fields.file, line, log.messages.badFieldRule(name, value: value))
            default: rules.fields[name] = .replace(value)
            }
        }
        rules.statesWithheld = choice("withheld", of: ["state": true, "silent": false], edition) ?? rules.statesWithheld
        rules.publishAttachments = choice("attachments", of: ["withhold": false, "publish": true], edition) ?? rules.publishAttachments
        if let note = edition.optionalText("withheld_note") {
            if note.contains("%d") {
                rules.withheldNote = note
            } else {
                log.error(fields.file, entry.value["withheld_note"]?.value.line, log.messages.withheldNoteWithoutCount())
            }
        }
        return rules
    }

    /// The value of the word written at `key`, one of `choices`; nil when absent, or, with
    /// an error at its line, when it is another word.
    private static func choice(_ key: String, of choices: KeyValuePairs<String, Bool>, _ fields: FieldReader) -> Bool? {
        guard let value = fields.optionalText(key) else { return nil }
        if let chosen = choices.first(where: { $0.key == value }) { return chosen.value }
        fields.log.error(fields.file, fields.node[key]?.value.line, fields.log.messages.badChoice(key, value: value, expected: choices.map(\.key)))
        return nil
    }

    private static func loadStatuses(_ fields: FieldReader, log: DiagnosticLog) -> [Status] {
        guard let list = fields.list("statuses") else {
            if fields.node["statuses"] == nil { log.error(fields.file, fields.node.line, "missing required field \"statuses\"") }
            return []
        }
        if list.isEmpty { log.error(fields.file, fields.node["statuses"]?.keyLine, "\"statuses\" must list at least one status") }
        var statuses: [Status] = []
        for node in list {
            guard let entry = fields.element(node, of: "statuses") else { continue }
            entry.warnUnknownKeys(["key", "label", "done", "not_started"])
            guard let key = key(entry, seen: statuses.map(\.key), what: "status"), let label = entry.text("label") else { continue }
            var status = Status(key: key, label: label, isDone: entry.bool("done"))
            status.isNotStarted = entry.bool("not_started")
            statuses.append(status)
        }
        return statuses
    }

    private static func loadDepartments(_ fields: FieldReader, log: DiagnosticLog) -> [Department] {
        var departments: [Department] = []
        for node in fields.list("departments") ?? [] {
            guard let entry = fields.element(node, of: "departments") else { continue }
            entry.warnUnknownKeys(["key", "name"])
            guard let key = key(entry, seen: departments.map(\.key), what: "department"), let name = entry.text("name") else { continue }
            departments.append(Department(key: key, name: name))
        }
        return departments
    }

    private static func loadCategories(_ fields: FieldReader, log: DiagnosticLog) -> [Category] {
        guard let list = fields.list("categories") else {
            if fields.node["categories"] == nil { log.error(fields.file, fields.node.line, "missing required field \"categories\"") }
            return []
        }
        var categories: [Category] = []
        for node in list {
            guard let entry = fields.element(node, of: "categories") else { continue }
            entry.warnUnknownKeys(["key", "title", "groups"])
            guard let key = key(entry, seen: categories.map(\.key), what: "category"), let title = entry.text("title") else { continue }
            var groups: [Group] = []
            for groupNode in entry.list("groups") ?? [] {
                guard let group = entry.element(groupNode, of: "groups") else { continue }
                group.warnUnknownKeys(["key", "title"])
                guard let groupKey = self.key(group, seen: groups.map(\.key), what: "group"), let groupTitle = group.text("title") else { continue }
                groups.append(Group(key: groupKey, title: groupTitle))
            }
            if groups.isEmpty { log.error(entry.file, entry.node.line, "category \"\(key)\" must list at least one group under \"groups\"") }
            categories.append(Category(key: key, title: title, groups: groups))
        }
        return categories
    }

    /// Why `text` is not a web address the sitemap and robots.txt can carry, or nil.
    static func baseURLProblem(_ text: String) -> String? {
        guard text.hasPrefix("http://") || text.hasPrefix("https://") else { return "must start with http:// or https://" }
        if text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
            return "must be one web address, without spaces or line breaks"
        }
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            return "is not a valid web address"
        }
        if components.query != nil || components.fragment != nil { return "must not have a query (?) or fragment (#)" }
        return nil
    }

    /// A `key` field: a valid identifier not used before in the same list.
    private static func key(_ entry: FieldReader, seen: [String], what: String) -> String? {
        guard let key = entry.text("key") else { return nil }
        let line = entry.node["key"]?.value.line
        if let problem = Identifier.problem(key) {
            entry.log.error(entry.file, line, "\(what) key \"\(key)\" \(problem)")
            return nil
        }
        if let other = seen.first(where: { Identifier.folded($0) == Identifier.folded(key) }) {
            let detail = other == key ? "" : " (it differs from \"\(other)\" only by case, and Windows and macOS file shares treat the two as one folder)"
            entry.log.error(entry.file, line, "duplicate \(what) key \"\(key)\"\(detail)")
            return nil
        }
        return key
    }
}

import Foundation

/// What an import gathers row by row, then writes as a content folder.
struct ImportedSite {
    struct Row {
        let id: String
        let category: Int
        let group: Int
        let title: String
        let measures: String?
        let leader: String
        let departments: [String]
        let deadline: Day
        let status: String
        let updates: [(date: Day, status: String?, note: String)]
    }

    let title: String
    var categories: [(title: String, groups: [String])] = []
    var statusLabels: [String: String] = [:]
    var unknownStatuses: Set<String> = []
    var departments: [String] = []
    var rows: [Row] = []
    /// The IDs taken, and the rows in each group: looked up for every row, so kept aside
    /// (a search of `rows` made 40,000 rows take 83 s).
    private var ids: Set<String> = []
    private var rowsInGroup: [Int: [Int: Int]] = [:]
    private var departmentSet: Set<String> = []

    init(title: String) {
        self.title = title
    }

    /// Adds one row of the ledger; the reason when it cannot be imported.
    mutating func add(row place: String, id: String?, category: String?, group: String?, title: String, measures: String?,
                      leader: String?, departments units: String?, deadline: SpreadsheetGrid.Cell?, status: String?,
                      progress: String?, progressDate: SpreadsheetGrid.Cell?,
                      updates: [String: [(date: SpreadsheetGrid.Cell?, status: String?, note: String)]]) -> Result<Void, RowProblem> {
        let categoryTitle = category ?? "未分类"
        let categoryIndex = categories.firstIndex { $0.title == categoryTitle } ?? { categories.append((categoryTitle, [])); return categories.count - 1 }()
        let groupTitle = group ?? categoryTitle
        let groupIndex = categories[categoryIndex].groups.firstIndex(of: groupTitle)
            ?? { categories[categoryIndex].groups.append(groupTitle); return categories[categoryIndex].groups.count - 1 }()
        let itemID = id.flatMap { Identifier.isValid($0) ? $0 : nil }
            ?? "\(categoryIndex + 1).\(groupIndex + 1).\((rowsInGroup[categoryIndex]?[groupIndex] ?? 0) + 1)"
        if let id, !Identifier.isValid(id) { return .failure(.init("编号 \"\(id)\" cannot be a folder name: use letters, digits, \".\", \"_\" and \"-\"")) }
        if ids.contains(itemID) { return .failure(.init("编号 \"\(itemID)\" appears twice")) }
        guard let leader else { return .failure(.init("责任领导 is empty")) }
        guard let units else { return .failure(.init("责任单位 is empty")) }
        var statusKey: String?
        let deadlineDay: Day
        switch Self.day(deadline) {
        case .day(let day): deadlineDay = day
        case .ongoing:
            deadlineDay = Day(year: 2099, month: 12, day: 31)
            statusKey = "ongoing"
            statusLabels["ongoing"] = statusLabels["ongoing"] ?? "长期坚持"
        case .none: return .failure(.init("完成时限 \"\(deadline?.text ?? "")\" is not a date with a four-digit year from 1990 to 2099 (e.g. 2026-12-31, 2026年12月31日, 长期坚持)"))
        }
        if let status {
            guard let key = Self.statusKey(status) else {
                unknownStatuses.insert(status)
                return .failure(.init("整改状态 \"\(status)\" is not one of the known words (未启动, 整改中, 已完成, 长期坚持…)"))
            }
            statusKey = key
            statusLabels[key] = statusLabels[key] ?? status
        }
        let key = statusKey ?? "in_progress"
        if statusLabels[key] == nil { statusLabels[key] = "整改中" }
        var itemUpdates: [(date: Day, status: String?, note: String)] = []
        if let listed = updates[itemID] {
            for update in listed {
                guard case .day(let day) = Self.day(update.date) else { return .failure(.init("an update of \(itemID) has no date")) }
                let updateStatus = update.status.flatMap { $0.isEmpty ? nil : Self.statusKey($0) }
                if let word = update.status, let updateStatus { statusLabels[updateStatus] = statusLabels[updateStatus] ?? word }
                itemUpdates.append((day, updateStatus, update.note))
            }
        } else if let progress {
            guard case .day(let day) = Self.day(progressDate) else { return .failure(.init("最新进展 has no date in 进展日期")) }
            itemUpdates.append((day, nil, progress))
        }
        let unitList = units.split(separator: "、").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for unit in unitList where departmentSet.insert(unit).inserted { departments.append(unit) }
        ids.insert(itemID)
        rowsInGroup[categoryIndex, default: [:]][groupIndex, default: 0] += 1
        rows.append(Row(id: itemID, category: categoryIndex, group: groupIndex, title: title, measures: measures, leader: leader,
                        departments: unitList, deadline: deadlineDay, status: key, updates: itemUpdates))
        return .success(())
    }

    struct RowProblem: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    enum DateValue {
        case day(Day)
        case ongoing
    }

    /// An Excel serial number or a date written as text; `长期坚持` for no end date.
    static func day(_ cell: SpreadsheetGrid.Cell?) -> DateValue? {
        switch cell {
        case .number(let serial)?:
            guard serial > 0, serial < 2_958_466 else { return nil }
            let base = Day(year: 1899, month: 12, day: 30)
            let day = Day(ordinal: base.ordinal + Int(serial))
            return Day.plausibleYears.contains(day.year) ? .day(day) : nil
        case .text(let text)?:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if ["长期坚持", "长期", "持续推进"].contains(trimmed) { return .ongoing }
            let numbers = trimmed.split { !$0.isASCII || !$0.isNumber }.compactMap { Int($0) }
            // A four-digit year only: `26.12.31` is not guessed to be 2026 (nor made 0026).
            guard numbers.count == 3, Day.plausibleYears.contains(numbers[0]), (1...12).contains(numbers[1]), numbers[2] >= 1,
                  numbers[2] <= Day.daysIn(month: numbers[1], year: numbers[0]) else { return nil }
            return .day(Day(year: numbers[0], month: numbers[1], day: numbers[2]))
        case nil:
            return nil
        }
    }

    static func statusKey(_ word: String) -> String? {
        let word = word.trimmingCharacters(in: .whitespaces)
        return StatusWords.all.first { $0.key == word || $0.words.contains(word) }?.key
    }

    /// Writes `site.yml` and the items; refuses to overwrite an existing file unless `force`.
    func write(into content: URL, force: Bool) throws(RectifyError) -> [String] {
        var files: [(String, String)] = [("site.yml", siteYAML)]
        for row in rows { files.append(("items/\(row.id).md", itemMarkdown(row))) }
        // Only plain files and folders are written over, even with --force: a link in the
        // content folder (dangling or not) would take the write elsewhere.
        let notPlain = (["items"] + files.map(\.0)).filter { path in
            var status = stat()
            guard lstat(content.appending(path: path).path, &status) == 0 else { return false }
            return status.st_mode & S_IFMT != (path == "items" ? S_IFDIR : S_IFREG)
        }
        if !notPlain.isEmpty {
            throw .io(path: content.path, reason: "these are links or not plain files, and were left as they are; nothing was written: \(notPlain.prefix(5).joined(separator: ", "))\(notPlain.count > 5 ? " …" : "")")
        }
        if !force {
            let existing = files.map(\.0).filter { FileManager.default.fileExists(atPath: content.appending(path: $0).path) }
            if !existing.isEmpty {
                throw .io(path: content.path, reason: "these files already exist and were left as they are: \(existing.prefix(5).joined(separator: ", "))\(existing.count > 5 ? " …" : ""); import into an empty folder, or add --force to replace them")
            }
        }
        // A sheet carries no markings: replacing a file that has them would publish what they
        // keep out of the public edition. Refused even with --force.
        let marked = files.map(\.0).filter { path in
            guard let data = FileManager.default.contents(atPath: content.appending(path: path).path) else { return false }
            return Self.carriesMarkings(String(decoding: data, as: UTF8.self))
        }
        if !marked.isEmpty {
            throw .io(path: content.path, reason: "these files mark what the public edition leaves out (visibility, internal, public_edition or <!-- internal -->), which the sheet cannot carry; they were left as they are, and nothing was written: \(marked.prefix(5).joined(separator: ", "))\(marked.count > 5 ? " …" : ""). Import into an empty folder and copy the markings over, or edit these files by hand")
        }
        do {
            try FileManager.default.createDirectory(at: content.appending(path: "items"), withIntermediateDirectories: true)
            for (path, text) in files { try Data(text.utf8).write(to: content.appending(path: path)) }
        } catch {
            throw .io(path: content.path, reason: "cannot write: \(error.localizedDescription)")
        }
        return files.map(\.0)
    }

    /// Whether a content file holds a marking for the public edition: a `visibility`,
    /// `internal` or `public_edition` key (or a near miss of one), or an internal marker
    /// (or a near miss of one) in its text.
    static func carriesMarkings(_ text: String) -> Bool {
        let markings = ["visibility", "internal", "public_edition"]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if InternalSections.marker(in: line) != nil || InternalSections.looksLikeMarker(line) { return true }
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "-" }
            if let colon = trimmed.firstIndex(of: ":"), FieldReader.markingMeant(by: String(trimmed[..<colon]), among: markings) != nil { return true }
        }
        return false
    }

    var siteYAML: String {
        var lines = ["title: \(Self.quoted(title))", "language: zh-CN", "statuses:"]
        for (key, _, done) in StatusWords.all where statusLabels[key] != nil {
            lines.append("  - key: \(key)")
            lines.append("    label: \(Self.quoted(statusLabels[key]!))")
            if done { lines.append("    done: true") }
            if key == "pending" { lines.append("    not_started: true") }
        }
        lines.append("categories:")
        for (index, category) in categories.enumerated() {
            lines.append("  - key: c\(index + 1)")
            lines.append("    title: \(Self.quoted(category.title))")
            lines.append("    groups:")
            for (groupIndex, group) in category.groups.enumerated() {
                lines.append("      - key: g\(groupIndex + 1)")
                lines.append("        title: \(Self.quoted(group))")
            }
        }
        lines.append("departments:")
        for (index, unit) in departments.enumerated() {
            lines.append("  - key: d\(index + 1)")
            lines.append("    name: \(Self.quoted(unit))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func itemMarkdown(_ row: Row) -> String {
        var lines = ["---", "id: \(Self.quoted(row.id))", "title: \(Self.quoted(row.title))", "category: c\(row.category + 1)",
                     "group: g\(row.group + 1)", "status: \(row.status)", "leader: \(Self.quoted(row.leader))",
                     "department: " + (row.departments.count == 1 ? Self.quoted(row.departments[0]) : "[" + row.departments.map(Self.quoted).joined(separator: ", ") + "]"),
                     "deadline: \(row.deadline)"]
        if let measures = row.measures { lines.append("measures: \(Self.quoted(measures))") }
        if !row.updates.isEmpty {
            lines.append("updates:")
            for update in row.updates {
                lines.append("  - date: \(update.date)")
                if let status = update.status { lines.append("    status: \(status)") }
                lines.append("    note: \(Self.quoted(update.note))")
            }
        }
        lines += ["---", "", "## 问题表现", "", row.title, ""]
        if let measures = row.measures { lines += ["## 整改措施", "", measures, ""] }
        return lines.joined(separator: "\n")
    }

    /// A YAML double-quoted string.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

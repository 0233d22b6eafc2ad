/// Data a leader could not trust: warnings at `file:line` (errors with `--strict`) for an
/// item whose status disagrees with its updates, an update dated after the as-of date, a
/// department `site.yml` does not list, progress notes on an item not started, and a done
/// item whose completion date is unknown.
enum ContentContradictions {
    static func of(_ content: Content, asOf: Day) -> [Diagnostic] {
        let config = content.config
        let departments = config.departments.map(\.name)
        var warnings: [Diagnostic] = []
        func warn(_ item: Item, _ line: Int?, _ message: String) {
            warnings.append(Diagnostic(file: item.source.displayPath, line: line, message: message, severity: .warning))
        }
        for item in content.items {
            let status = config.status(item.status)
            if let newest = item.updates.last(where: { $0.status != nil }), let set = newest.status, set != item.status {
                warn(item, item.statusLine, "status is \"\(item.status)\", but the newest update that sets a status (\(newest.date), line \(newest.line)) sets \"\(set)\"; make the two agree")
            }
            for update in item.updates where update.date > asOf {
                warn(item, update.line, "update dated \(update.date) is after the as-of date \(asOf); check the date")
            }
            for unit in [item.department] + item.coDepartments where !departments.isEmpty && !departments.contains(unit) {
                var message = "department \"\(unit)\" is not among the departments in site.yml"
                if let suggestion = Suggestion.closest(to: unit, in: departments) { message += "; did you mean \"\(suggestion)\"?" }
                warn(item, item.departmentLine, message)
            }
            if status?.isNotStarted == true && !item.updates.isEmpty {
                warn(item, item.statusLine, "status \"\(item.status)\" means not started, but the item has \(item.updates.count) progress note(s); set the status it has reached")
            }
            if status?.isDone == true && item.completionUpdate(in: config) == nil {
                warn(item, item.statusLine, "status \"\(item.status)\" is done, but no update moved the item to a done status, so its completion date is unknown; add an update with the date and `status: \(item.status)`")
            }
        }
        return warnings
    }
}

/// Data a leader could not trust: warnings at `file:line` (errors with `--strict`) for an
/// item whose status disagrees with its updates, an update dated after the as-of date, a
/// department `site.yml` does not list, progress notes on an item not started, and a done
/// item whose completion date is unknown.
enum ContentContradictions {
    static func of(_ content: Content, asOf: Day, messages: Messages) -> [Diagnostic] {
        let config = content.config
        let departments = config.departments.map(\.name)
        var warnings: [Diagnostic] = []
        func warn(_ item: Item, _ line: Int?, _ message: String) {
            warnings.append(Diagnostic(file: item.source.displayPath, line: line, message: message, severity: .warning))
        }
        for item in content.items {
            let status = config.status(item.status)
            if let newest = item.updates.last(where: { $0.status != nil }), let set = newest.status, set != item.status {
                warn(item, item.statusLine, messages.statusDisagrees(item.status, newest: newest.date, line: newest.line, sets: set))
            }
            for update in item.updates where update.date > asOf {
                warn(item, update.line, messages.updateAfterAsOf(update.date, asOf: asOf))
            }
            for unit in [item.department] + item.coDepartments where !departments.isEmpty && !departments.contains(unit) {
                warn(item, item.departmentLine, messages.unlistedDepartment(unit, suggestion: Suggestion.closest(to: unit, in: departments)))
            }
            if status?.isNotStarted == true && !item.updates.isEmpty {
                warn(item, item.statusLine, messages.notesWhileNotStarted(item.status, notes: item.updates.count))
            }
            if status?.isDone == true && item.completionUpdate(in: config) == nil {
                warn(item, item.statusLine, messages.doneWithoutCompletion(item.status))
            }
        }
        return warnings
    }
}

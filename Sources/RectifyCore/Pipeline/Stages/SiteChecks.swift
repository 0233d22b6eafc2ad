import Foundation
import RectifyTheme

/// Relative links in Markdown bodies must lead to a file of the site, and `#anchors` to an
/// element of the page. `build` reports them as warnings, `check` as errors; the public
/// edition's `build` as errors too, since a link to something it left out would name it.
/// `withheld` are the pages the public edition left out, for a message that says so.
enum LinkProblems {
    static func of(_ site: RenderedSite, severity: Diagnostic.Severity, messages: Messages, withheld: Set<String> = []) -> [Diagnostic] {
        let checker = LinkChecker(anchors: site.anchors)
        var problems: [Diagnostic] = []
        for document in site.links {
            for link in document.links {
                guard let problem = checker.problem(with: link.url, on: document.page) else { continue }
                let message: String
                switch problem {
                case .missingTarget(let target) where withheld.contains(target) || withheld.contains(LinkChecker.join(target, "index.html")):
                    message = messages.linkToWithheld(link.url)
                case .missingTarget(let target): message = messages.brokenLink(link.url, noFile: target)
                case .missingAnchor(let target, let anchor): message = messages.brokenLink(link.url, noAnchor: anchor, in: target)
                case .leavesSite: message = messages.linkLeavesSite(link.url)
                case .rootAbsolute: message = messages.rootAbsoluteLink(link.url)
                }
                problems.append(Diagnostic(file: document.file, line: link.line, message: message, severity: severity))
            }
        }
        return problems
    }
}

/// Open items whose last update (or, with none, whose file) is older than `stale_days`.
enum StaleItems {
    static func of(_ content: Content, asOf: Day, messages: Messages) -> [Diagnostic] {
        let limit = content.config.staleDays
        var warnings: [Diagnostic] = []
        for item in content.items where content.config.status(item.status)?.isDone != true {
            guard let latest = item.latestUpdate else {
                // An item marked not started has no progress to report yet.
                if content.config.status(item.status)?.isNotStarted == true { continue }
                warnings.append(Diagnostic(file: item.source.displayPath, line: 1, message: messages.noUpdateYet(item.id), severity: .warning))
                continue
            }
            let days = latest.date.days(until: asOf)
            if days > limit {
                warnings.append(Diagnostic(
                    file: item.source.displayPath, line: latest.line,
                    message: messages.stale(days: days, last: latest.date, limit: limit), severity: .warning))
            }
        }
        return warnings
    }
}

/// Templates that turn the render plans off (warnings), and variables a template uses that its
/// view does not have (they would print nothing): warnings in `build`, errors in `check`.
enum TemplateProblems {
    static func planBlockers(_ theme: Theme, planned: Bool) -> [Diagnostic] {
        guard planned else { return [] }
        return theme.planBlockers.map { file in
            Diagnostic(file: file, line: nil, message: "this template uses an indented standalone partial or block, a transform, a dynamic partial or changed delimiters, which turns render plans off: every page is rendered by Mustache alone, about half as fast. Start the partial's line with its tag to keep them on", severity: .warning)
        }
    }

    static func unknownVariables(_ theme: Theme, labels: Labels) -> [Diagnostic] {
        let roots = Dictionary(TemplateRoots.all.map { ($0.template, $0.contract) }) { first, _ in first }
        return TemplateCheck(theme: theme, labelKeys: Set(labels.values.keys)).problems(roots: roots).map { problem in
            var message = problem.name == problem.missing
                ? "template variable \"\(problem.name)\" is not in \(problem.scope), so it prints nothing"
                : "template variable \"\(problem.name)\": \(problem.scope) has no \"\(problem.missing)\", so it prints nothing"
            if let suggestion = Suggestion.closest(to: problem.missing, in: problem.known) { message += "; did you mean \"\(suggestion)\"?" }
            message += " (docs/theme.md lists what each template sees)"
            return Diagnostic(file: problem.file, line: problem.line, message: message, severity: .warning)
        }
    }
}

/// Texts longer than an Excel cell holds (32,767 characters): `ledger.xlsx` shows them cut,
/// with a mark, and the build says which.
enum LongCells {
    static func of(_ content: Content, messages: Messages) -> [Diagnostic] {
        let limit = LedgerWorkbook.cellLimit
        var warnings: [Diagnostic] = []
        for item in content.items {
            for (field, text) in [("title", item.title), ("measures", item.measures ?? "")] where text.utf16.count > limit {
                warnings.append(Diagnostic(file: item.source.displayPath, line: 1, message: messages.cutInWorkbook(field, length: text.count), severity: .warning))
            }
            for update in item.updates where update.note.utf16.count > limit {
                warnings.append(Diagnostic(file: item.source.displayPath, line: update.line,
                                           message: messages.cutInWorkbook("note", length: update.note.count), severity: .warning))
            }
        }
        return warnings
    }
}

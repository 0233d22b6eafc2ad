import Foundation
import RectifyMarkdown
import RectifyTheme

extension SiteBuilder {
    /// Checks a content folder as `build` would, and writes nothing. Returns every problem,
    /// errors and warnings; broken links and stale items are among them.
    public static func check(options: BuildOptions) -> [Diagnostic] {
        let builder = SiteBuilder(options: options, mode: .check)
        do {
            let report = try builder.run(progress: { _ in })
            return report.warnings.sorted()
        } catch .invalidContent(let diagnostics) {
            return (diagnostics + builder.state.report.warnings).sorted()
        } catch {
            return [Diagnostic(file: options.contentDisplay, line: nil, message: error.description)]
        }
    }

    /// Relative links in Markdown bodies must lead to a file of the site, and `#anchors` to
    /// an element of the page. `build` warns; `check` reports them as errors.
    func checkLinks() throws(RectifyError) {
        let checker = LinkChecker(anchors: state.anchors)
        var problems: [Diagnostic] = []
        for (file, page, links) in state.links {
            for link in links {
                guard let problem = checker.problem(with: link.url, on: page) else { continue }
                let line = link.line
                let message: String
                switch problem {
                case .missingTarget(let target): message = "broken link \"\(link.url)\": no file \(target) in the site"
                case .missingAnchor(let target, let anchor): message = "broken link \"\(link.url)\": no anchor \"\(anchor)\" in \(target)"
                case .leavesSite: message = "broken link \"\(link.url)\": it leads outside the site"
                case .rootAbsolute: message = "link \"\(link.url)\" starts with \"/\": use a relative path so the site works under any sub-path and from disk"
                }
                problems.append(Diagnostic(file: file, line: line, message: message, severity: mode == .check ? .error : .warning))
            }
        }
        // Reported once, with the other findings; `check` goes on to the stale-item check.
        state.report.warnings += problems
    }

    /// Variables a template uses that its view does not have (they would print nothing):
    /// warnings in `build`, errors in `check`.
    func checkTemplates() throws(RectifyError) {
        guard let theme = state.theme, let labels = state.labels else { return }
        if options.reuseRenderPlans {
            for file in theme.planBlockers {
                state.report.warnings.append(Diagnostic(file: file, line: nil, message: "this template uses an indented standalone partial or block, a transform, a dynamic partial or changed delimiters, which turns render plans off: every page is rendered by Mustache alone, about half as fast. Start the partial's line with its tag to keep them on", severity: .warning))
            }
        }
        let roots = Dictionary(TemplateRoots.all.map { ($0.template, $0.contract) }) { first, _ in first }
        for problem in TemplateCheck(theme: theme, labelKeys: Set(labels.values.keys)).problems(roots: roots) {
            var message = problem.name == problem.missing
                ? "template variable \"\(problem.name)\" is not in \(problem.scope), so it prints nothing"
                : "template variable \"\(problem.name)\": \(problem.scope) has no \"\(problem.missing)\", so it prints nothing"
            if let suggestion = Suggestion.closest(to: problem.missing, in: problem.known) { message += "; did you mean \"\(suggestion)\"?" }
            message += " (docs/theme.md lists what each template sees)"
            state.report.warnings.append(Diagnostic(file: problem.file, line: problem.line, message: message, severity: mode == .check ? .error : .warning))
        }
    }

    /// Open items whose last update (or, with none, whose file) is older than `stale_days`.
    func checkStaleItems() throws(RectifyError) {
        guard let content = state.content else { return }
        let limit = content.config.staleDays
        for item in content.items where content.config.status(item.status)?.isDone != true {
            guard let latest = item.latestUpdate else {
                state.report.warnings.append(Diagnostic(file: item.source.displayPath, line: 1, message: "item \(item.id) has no dated update yet", severity: .warning))
                continue
            }
            let days = latest.date.days(until: options.asOf)
            if days > limit {
                state.report.warnings.append(Diagnostic(
                    file: item.source.displayPath, line: latest.line,
                    message: "no update for \(days) days (last on \(latest.date), limit stale_days: \(limit))", severity: .warning))
            }
        }
    }

    /// Keeps a document's links for the link check, each with its line in the file: the
    /// first line, from its block's start, that holds its URL.
    func recordLinks(_ links: [RenderedMarkdown.Link], of source: SourceFile, markdown: String, page: String) {
        guard !links.isEmpty else { return }
        var markdown = markdown
        let located = markdown.withUTF8 { bytes in
            // Where each line starts, found with `memchr`; then a byte search per line.
            var starts = [0]
            var position = 0
            while position < bytes.count, let newline = memchr(bytes.baseAddress! + position, 0x0A, bytes.count - position) {
                position = UnsafePointer<UInt8>(newline.assumingMemoryBound(to: UInt8.self)) - bytes.baseAddress! + 1
                starts.append(position)
            }
            func line(_ number: Int, contains url: [UInt8]) -> Bool {
                let end = number + 1 < starts.count ? starts[number + 1] : bytes.count
                guard !url.isEmpty, end - starts[number] >= url.count else { return false }
                return (starts[number]...(end - url.count)).contains { offset in
                    bytes[offset] == url[0] && url.indices.allSatisfy { bytes[offset + $0] == url[$0] }
                }
            }
            return links.map { link in
                let start = min(max(0, link.line - 1), starts.count - 1)
                let url = Array(link.url.utf8)
                let offset = (start..<starts.count).first { line($0, contains: url) } ?? start
                return RenderedMarkdown.Link(url: link.url, line: source.bodyStartLine + offset)
            }
        }
        state.links.append((source.displayPath, page, located))
    }
}

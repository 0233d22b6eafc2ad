import RectifyTheme

/// `docs/theme.md`, made from the views' contracts, so the documentation cannot drift from
/// what templates really see. A test compares the file with `markdown`.
public enum ThemeContract {
    public static var markdown: String {
        var lines = [introduction]
        lines.append("## Which view each template sees\n")
        lines.append("| template | view |")
        lines.append("| --- | --- |")
        for (template, contract) in TemplateRoots.all {
            lines.append("| `\(template)` | [\(contract.name)](#\(contract.name.lowercased())) |")
        }
        lines.append("")
        lines.append("`layout` and the partials not listed (`bar`, `chart`, `state`, `status`, `item-table`) see what is in scope where they are included: `layout` the page's view, `partials/chart` the dashboard's `chart`, `partials/state` and `partials/status` an ItemRow.\n")
        lines.append("## Views\n")
        for contract in allContracts() {
            lines.append("### \(contract.name)\n")
            lines.append(contract.meaning + "\n")
            lines.append("| name | kind | meaning |")
            lines.append("| --- | --- | --- |")
            for field in contract.fields {
                lines.append("| `\(field.name)` | \(kindText(field.kind)) | \(field.meaning)\(field.optional ? " (may be absent: guard it with `{{#\(field.name)}}`)" : "") |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// Every view reachable from the templates, each once, in the order first met.
    static func allContracts() -> [ContractSummary] {
        var seen = Set<String>()
        var ordered: [ContractSummary] = []
        func visit(_ contract: ContractSummary) {
            guard seen.insert(contract.name).inserted else { return }
            ordered.append(contract)
            for field in contract.fields {
                switch field.kind {
                case .view(let inner), .list(let inner): visit(inner)
                default: break
                }
            }
        }
        for (_, contract) in TemplateRoots.all { visit(contract) }
        return ordered
    }

    private static func kindText(_ kind: FieldKind) -> String {
        switch kind {
        case .view(let contract): return "[\(contract.name)](#\(contract.name.lowercased()))"
        case .list(let contract): return "list of [\(contract.name)](#\(contract.name.lowercased()))"
        default: return kind.description
        }
    }

    static let introduction = """
        # Theme

        <!-- Made from the views in Sources/RectifyCore/Views/Templates by ThemeContract.markdown;
             a test fails when this file and the code differ. -->

        `theme/templates/*.mustache` are [Mustache](https://mustache.github.io) templates rendered
        by swift-mustache: `layout` (the page shell, with blocks `main` and `bodyClass`), one
        template per kind of page, and partials under `partials/`. `theme/i18n/<language>.yml`
        holds the labels (`labels.<key>`); `theme/static/` is copied to the output.

        A site overrides any template by putting a file of the same name under
        `content/templates/` (e.g. `content/templates/partials/status.mustache`). `{{value}}` is
        HTML-escaped; only HTML that Rectify made (cmark-gfm's output, rows rendered by the
        theme's own partials) is placed raw, with `{{{bodyHTML}}}` or `{{{rowsHTML}}}`.

        Every template is rendered with one typed view, listed below with every field it has.
        A name that is not there prints nothing, so `rectify check` reports each variable a
        template uses that its view lacks, as `file:line` with the closest name (`build` warns).

        Long lists are made of rows, each rendered once by its own partial and placed in every
        page that lists it: `partials/item-row` (item tables, as `rowsHTML`), `partials/ledger-row`,
        `partials/update-row`, `partials/feed-entry`, `partials/item-entry` (the dashboard's overdue
        and due-soon lists) and `partials/print-item` (the print document, written a chunk of
        items at a time). That is the fast default; category, status and department pages also
        give their `items`, so a template of your own can loop over them instead.

        """
}

/// The public edition (整改情况公开), made from the loaded content before anything is
/// rendered: whole items marked `visibility: internal` are gone, with their bodies,
/// updates, evidence files and git dates; updates marked `internal: true` and body parts
/// between `<!-- internal -->` and `<!-- /internal -->` are gone; the fields `site.yml`
/// names are left out or replaced; evidence files are left out unless published.
///
/// Every output (pages, print, ledger, CSV, workbook, JSON, feed, sitemap, search index,
/// changes page, file names) is made from what this stage returns, so none of them can
/// carry what it removed: there is no second filter to forget.
struct PublicEdition {
    let content: Content
    let markdown: MarkdownSources
    /// What was left out, item by item, for `rectify check --edition public`.
    let withheld: [WithheldPart]
    /// The pages of the items left out (`items/<id>/index.html`): a published link to one
    /// is an error, since the link itself would name the item.
    let withheldPages: Set<String>

    init(_ content: Content, markdown: MarkdownSources, labels: Labels, siteFile: String) {
        let rules = content.config.publicEdition
        var withheld: [WithheldPart] = []
        for name in PublicEditionRules.fieldNames where rules.rule(name) != .keep {
            withheld.append(WithheldPart(file: siteFile, line: nil, item: nil, kind: .field(name: name, rule: rules.rule(name))))
        }
        var items: [Item] = [], bodies: [(index: Int, leaveOut: [ClosedRange<Int>], firstLine: Int)] = [], pages = Set<String>()
        for (index, item) in content.items.enumerated() {
            let file = item.source.displayPath
            guard let published = Self.published(item, config: content.config) else {
                withheld.append(WithheldPart(file: file, line: item.visibilityLine, item: item.id, kind: .item))
                pages.insert(SitePaths.item(item.id))
                continue
            }
            for update in item.updates where update.isInternal {
                withheld.append(WithheldPart(file: file, line: update.line, item: item.id, kind: .update(date: update.date.description)))
            }
            for section in item.internalSections {
                withheld.append(WithheldPart(file: file, line: section.lowerBound, item: item.id, kind: .section(lastLine: section.upperBound)))
            }
            if !rules.publishAttachments {
                for name in item.attachments {
                    withheld.append(WithheldPart(file: file, line: nil, item: item.id, kind: .attachment(name: name)))
                }
            }
            items.append(published)
            bodies.append((index, item.internalSections, item.source.bodyStartLine))
        }
        var filtered = Content(config: content.config, items: items, pages: content.pages, files: content.files)
        let left = content.items.count - items.count
        if rules.statesWithheld && left > 0 {
            filtered.withheldNote = (rules.withheldNote ?? labels["withheld_note"]).replacingOccurrences(of: "%d", with: String(left))
        }
        self.content = filtered
        var pageBodies: [String] = []
        for (page, body) in zip(content.pages, markdown.pages) {
            for section in page.internalSections {
                withheld.append(WithheldPart(file: page.source.displayPath, line: section.lowerBound, item: nil, kind: .section(lastLine: section.upperBound)))
            }
            pageBodies.append(InternalSections.strip(page.internalSections, from: body, firstLine: page.source.bodyStartLine))
        }
        self.markdown = MarkdownSources(items: markdown.items.kept(bodies), pages: pageBodies)
        self.withheld = withheld
        withheldPages = pages
    }

    /// `item` as the public edition shows it, or nil when it is not published at all. Used
    /// for the items now and for those at the changes page's baseline alike.
    static func published(_ item: Item, config: SiteConfig) -> Item? {
        let rules = config.publicEdition
        guard !item.isInternal else { return nil }
        let updates = rules.rule("updates") == .omit ? [] : item.updates.filter { !$0.isInternal }
        var result = Item(id: item.id, title: item.title, category: item.category, group: item.group, status: item.status,
                          leader: rules.rule("leader").applied(to: item.leader) ?? "",
                          department: rules.rule("department").applied(to: item.department) ?? "",
                          deadline: item.deadline, measures: rules.rule("measures").applied(to: item.measures), updates: updates, source: item.source)
        result.attachments = rules.publishAttachments ? item.attachments : []
        result.statusLine = item.statusLine
        result.coDepartments = rules.rule("department") == .keep ? item.coDepartments : []
        result.departmentLine = item.departmentLine
        result.completedOn = item.completedOn ?? item.completionUpdate(in: config)?.date
        return result
    }
}

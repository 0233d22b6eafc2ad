import RectifyTheme

/// Which view each template is rendered with: the theme contract (`docs/theme.md`) and
/// `rectify check`'s template check start here. Partials not listed (`bar`, `chart`,
/// `state`, `status`, `item-table`) and `layout` see the names in scope where they are
/// included.
enum TemplateRoots {
    static let all: [(template: String, contract: ContractSummary)] = [
        ("home", HomePage.contract.summary),
        ("category", CategoryPage.contract.summary),
        ("status", ItemListPage.contract.summary),
        ("department", ItemListPage.contract.summary),
        ("departments", DepartmentsPage.contract.summary),
        ("item", ItemPage.contract.summary),
        ("page", FreePage.contract.summary),
        ("ledger", LedgerPage.contract.summary),
        ("updates", RowsPage.contract.summary),
        ("feed", FeedPage.contract.summary),
        ("print", PrintPage.contract.summary),
        ("changes", ChangesPage.contract.summary),
        ("search", SearchPage.contract.summary),
        ("partials/item-row", ItemRow.contract.summary),
        ("partials/item-entry", ItemRow.contract.summary),
        ("partials/ledger-row", LedgerRow.contract.summary),
        ("partials/update-row", UpdateRow.contract.summary),
        ("partials/feed-entry", FeedEntry.contract.summary),
        ("partials/print-item", PrintItem.contract.summary),
    ]
}

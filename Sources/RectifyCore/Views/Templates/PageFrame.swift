import RectifyTheme

/// What every page template (and the `layout` it fills) sees, whatever the page.
struct PageFrame: TemplateView {
    /// `../` repeated up to the site root: every link is relative.
    var root: String
    var asOf: String
    var site: SiteInfo
    var labels: [String: String]
    var stylesheet: String
    var nav: Navigation
    var pageTitle: String
    /// `<title>`: the page's title and the site's, or the site's alone on the home page.
    var documentTitle: String { pageTitle == site.title ? pageTitle : "\(pageTitle) · \(site.title)" }

    static let contract = ViewContract<PageFrame>("PageFrame", "Seen by every page template and by `layout`.", [
        .text("root", "the relative path from this page to the site root (`../../`), for links of your own", \.root),
        .text("asOf", "the date the site reports against (`--as-of`), YYYY-MM-DD", \.asOf),
        .view("site", "the site from `site.yml`", \.site),
        .labels("labels", "the theme's words in the site's language (`labels.ledger`…), from `theme/i18n/<language>.yml`", \.labels),
        .text("stylesheet", "the link to `static/style.css`", \.stylesheet),
        .view("nav", "links to the site's pages, relative to this page", \.nav),
        .text("pageTitle", "the page's title, for `<h1>`", \.pageTitle),
        .text("documentTitle", "for `<title>`: the page's title, then ` · ` and the site's title, or the site's title alone where the page has it as its own (the home page)", \.documentTitle),
    ])
}

/// The site's own settings. A class: every row and update of every page holds it, and the
/// shape walk passes it around without copying its fields.
final class SiteInfo: TemplateView {
    let title: String
    let language: String
    let description: String?
    let notice: String?
    let issuer: String?
    /// Public edition only: how many items it leaves out, as a sentence.
    let withheldNote: String?

    init(title: String, language: String, description: String?, notice: String?, issuer: String?, withheldNote: String?) {
        self.title = title
        self.language = language
        self.description = description
        self.notice = notice
        self.issuer = issuer
        self.withheldNote = withheldNote
    }

    static let contract = ViewContract<SiteInfo>("SiteInfo", "The site, from `site.yml`.", [
        .text("title", "`title`", \.title),
        .text("language", "`language`, e.g. `zh-CN`, for `<html lang>`", \.language),
        .text("description", "`description`, when set", \.description),
        .text("notice", "`notice`, when set: a remark for every footer", \.notice),
        .text("issuer", "`issuer`, when set: who issues the publication, for the print cover", \.issuer),
        .text("withheldNote", "in the public edition, when `site.yml` says to state it: how many items are not published (另有 2 项问题依规不予公开。), a count and nothing more", \.withheldNote),
    ])
}

/// Links to the site's pages, relative to the page they are on.
struct Navigation: TemplateView {
    var home, ledger, departments, updates, feed, print, csv, xlsx, json, printScript: String
    /// Nil when the site has no search index (Pagefind missing, or `--no-search`).
    var search: String?
    var searchScript: String
    var categories: [NavLink]
    var statuses: [NavLink]
    var pages: [NavLink]
    var changes: String?
    /// Which of the pages above is the one being rendered.
    var homeCurrent = false, ledgerCurrent = false, departmentsCurrent = false, updatesCurrent = false
    var changesCurrent = false, printCurrent = false

    static let contract = ViewContract<Navigation>("Navigation", "Links to the site's pages, relative to the current page.", [
        .text("home", "the dashboard", \.home),
        .text("ledger", "the ledger page", \.ledger),
        .text("departments", "the list of departments", \.departments),
        .text("updates", "every update, newest first", \.updates),
        .text("feed", "the Atom feed", \.feed),
        .text("print", "the printable document", \.print),
        .text("csv", "`ledger.csv`", \.csv),
        .text("xlsx", "`ledger.xlsx`, the ledger as an Excel workbook", \.xlsx),
        .text("json", "`data.json`", \.json),
        .text("printScript", "`static/print.js`, which shows the Print buttons", \.printScript),
        .text("search", "the search page; empty when the site has no search index (then there is no search page)", \.search),
        .text("searchScript", "`static/search.js`, which runs the search page on Pagefind's index", \.searchScript),
        .list("categories", "one link per category, in `site.yml` order", \.categories),
        .list("statuses", "one link per status, in `site.yml` order", \.statuses),
        .list("pages", "one link per free page, by weight", \.pages),
        .text("changes", "the changes page, when git gives a baseline", \.changes),
        .flag("homeCurrent", "whether the page being rendered is the dashboard (for `aria-current`)", \.homeCurrent),
        .flag("ledgerCurrent", "whether it is the ledger", \.ledgerCurrent),
        .flag("departmentsCurrent", "whether it is the list of departments", \.departmentsCurrent),
        .flag("updatesCurrent", "whether it is the updates page", \.updatesCurrent),
        .flag("changesCurrent", "whether it is the changes page", \.changesCurrent),
        .flag("printCurrent", "whether it is the printable document", \.printCurrent),
    ])
}

/// One entry of the navigation.
struct NavLink: TemplateView {
    var title: String
    var url: String
    var current: Bool

    static let contract = ViewContract<NavLink>("NavLink", "A link in the navigation.", [
        .text("title", "what the link says", \.title),
        .text("label", "the same as `title` (a status's label)", \.title),
        .text("url", "where it leads", \.url),
        .flag("current", "whether it leads to the page being rendered", \.current),
    ])
}

/// Completion counts for a set of items.
struct ProgressView: TemplateView {
    var total: Int
    var done: Int
    var open: Int
    var percent: String
    var width: String

    static let contract = ViewContract<ProgressView>("Progress", "How many of a set of items are completed.", [
        .number("total", "items in the set", \.total),
        .number("done", "items in a status marked `done: true`", \.done),
        .number("open", "the others", \.open),
        .text("percent", "the share completed, `25.0%`", \.percent),
        .text("width", "the same share as a number, `25.0`, e.g. for a bar's width", \.width),
    ])
}

/// A title, with a link where there is a page for it.
struct TitleLink: TemplateView {
    var title: String
    var url: String?

    static let contract = ViewContract<TitleLink>("TitleLink", "A category or group by its title.", [
        .text("title", "its title", \.title),
        .text("url", "its page, where it has one", \.url),
    ])
}

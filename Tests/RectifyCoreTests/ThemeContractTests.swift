import Foundation
import Testing
import RectifyCore

/// The theme contract: `docs/theme.md` lists what every template sees, made from the views
/// themselves; a template that uses a name its view lacks is reported at its line.
@Suite struct ThemeContractTests {
    static let document = Repository.root.appending(path: "docs/theme.md")

    /// Regenerate with `RECTIFY_UPDATE_DOCS=1 swift test --filter ThemeContractTests`.
    @Test func docsThemeMdMatchesTheViews() throws {
        let generated = ThemeContract.markdown
        if ProcessInfo.processInfo.environment["RECTIFY_UPDATE_DOCS"] == "1" {
            try generated.write(to: Self.document, atomically: true, encoding: .utf8)
        }
        let written = try String(contentsOf: Self.document, encoding: .utf8)
        #expect(written == generated, "docs/theme.md is out of date: run RECTIFY_UPDATE_DOCS=1 swift test --filter ThemeContractTests")
        for name in ["pageTitle", "rowsHTML", "byCategory", "bodyHTML", "hasItems", "items"] {
            #expect(written.contains("| `\(name)` |"), "\(name) is documented")
        }
    }

    @Test func aMisspeltVariableInAnOverrideIsReportedAtItsLine() throws {
        let site = try TestSite(fixture: "small-site")
        let item = try String(contentsOf: Repository.theme.appending(path: "templates/item.mustache"), encoding: .utf8)
        let lines = item.components(separatedBy: "\n")
        let target = try #require(lines.firstIndex { $0.contains("{{group.title}}") })
        var edited = lines
        edited[target] = edited[target].replacingOccurrences(of: "{{group.title}}", with: "{{group.titel}}")
        let main = try #require(lines.firstIndex { $0.contains("{{$main}}") })
        edited.insert("<p>{{pageTitel}} {{labels.no_such_label}} {{#item}}{{deadlin}}{{/item}}</p>", at: main + 1)
        try site.write("templates/item.mustache", edited.joined(separator: "\n"))
        let diagnostics = SiteBuilder.check(options: BuildOptions(
            contentDirectory: site.content, contentDisplay: "content", themeDirectory: Repository.theme,
            outputDirectory: site.output, asOf: Day("2026-04-01")!))
        let templateProblems = diagnostics.filter { $0.message.contains("template variable") }.map { "\($0.file.split(separator: "/").suffix(2).joined(separator: "/")):\($0.line ?? 0): \($0.message)" }
        #expect(templateProblems == [
            "templates/item.mustache:\(main + 2): template variable \"pageTitel\" is not in ItemPage, so it prints nothing; did you mean \"pageTitle\"? (docs/theme.md lists what each template sees)",
            "templates/item.mustache:\(main + 2): template variable \"labels.no_such_label\": labels has no \"no_such_label\", so it prints nothing (docs/theme.md lists what each template sees)",
            "templates/item.mustache:\(main + 2): template variable \"deadlin\" is not in ItemDetail, so it prints nothing; did you mean \"deadline\"? (docs/theme.md lists what each template sees)",
            "templates/item.mustache:\(target + (target > main ? 2 : 1)): template variable \"group.titel\": TitleLink has no \"titel\", so it prints nothing; did you mean \"title\"? (docs/theme.md lists what each template sees)",
        ].sorted(), "\(templateProblems)")
        #expect(diagnostics.filter { $0.message.contains("template variable") }.allSatisfy { $0.severity == .error })
    }

    @Test func theRealThemeUsesOnlyNamesItsViewsHave() throws {
        let site = try TestSite(copying: Repository.content)
        let diagnostics = SiteBuilder.check(options: BuildOptions(
            contentDirectory: site.content, contentDisplay: "content", themeDirectory: Repository.theme,
            outputDirectory: site.output, asOf: Day("2026-11-26")!))
        #expect(!diagnostics.contains { $0.message.contains("template variable") })
    }
}

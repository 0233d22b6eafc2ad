import Foundation
import Mustache
import RectifySystem

/// The Mustache templates a site is rendered with.
///
/// Templates are `*.mustache` files under `<theme>/templates/`, named by their relative
/// path without the extension (`item`, `partials/header`). A file of the same name under
/// the site's override folder (`content/templates/`) takes precedence.
///
/// `{{value}}` is HTML-escaped; only HTML that cmark-gfm produced may use `{{{value}}}`.
public struct Theme: Sendable {
    public let directory: URL
    /// Theme files copied verbatim into the output (`<theme>/static/`).
    public var staticDirectory: URL { directory.appending(path: "static", directoryHint: .isDirectory) }

    private let library: MustacheLibrary
    /// Every template's source, by name: the file it came from and its text, for
    /// `TemplateCheck`.
    public let sources: [String: (file: String, text: String)]
    /// Plans by shape, when every template's output depends only on its view's shape.
    private let plans: PlanCache?
    /// Templates whose features turn the plans off (a transform, a dynamic partial, changed
    /// delimiters, an indented standalone partial): the build warns about each, since every
    /// page is then rendered by Mustache alone, about half as fast.
    public let planBlockers: [String]

    /// Loads the theme's templates, then the overrides, and checks that every template in
    /// `required` exists. Parse errors name the template file and line.
    ///
    ///
    /// With `reusePlans` (the default), pages whose views have the same shape reuse one
    /// render plan; the output is the same as rendering each page with Mustache alone.
    public init(directory: URL, overrides: URL?, required: [String], reusePlans: Bool = true) throws(ThemeError) {
        self.directory = directory
        var templates: [String: MustacheTemplate] = [:]
        var blockers: [String: String] = [:]
        var sources: [String: (file: String, text: String)] = [:]
        let templatesDirectory = directory.appending(path: "templates", directoryHint: .isDirectory)
        guard FileManager.default.fileExists(atPath: templatesDirectory.path) else {
            throw ThemeError(file: templatesDirectory.path, message: "theme has no templates folder")
        }
        // A template may be a symbolic link, but only to a file inside its own tree: the
        // theme's templates inside the theme, overrides inside the content folder.
        let folders = [(templatesDirectory, directory)] + (overrides.map { [($0, $0.deletingLastPathComponent())] } ?? [])
        for (folder, root) in folders {
            for (name, file) in Self.templateFiles(in: folder) {
                let text = try Self.read(file, inside: root)
                if let line = TemplateNesting.tooDeep(text) {
                    throw ThemeError(file: file.path, line: line, message: "sections nest deeper than \(TemplateNesting.maximumDepth) levels")
                }
                templates[name] = try Self.parse(text, file: file)
                sources[name] = (file.path, text)
                blockers[name] = TemplateSource.dependsOnlyOnShape(text) ? nil : file.path
            }
        }
        if let (name, chain, line) = TemplateNesting.cycle(in: sources.mapValues(\.text)) {
            throw ThemeError(file: sources[name]?.file ?? name, line: line,
                             message: "the template includes itself through its partials (\(chain.joined(separator: " → "))): rendering it would never end")
        }
        for name in required where templates[name] == nil {
            throw ThemeError(file: templatesDirectory.appending(path: name + ".mustache").path, message: "required template is missing")
        }
        library = MustacheLibrary(templates: templates)
        self.sources = sources
        planBlockers = blockers.values.sorted()
        plans = reusePlans && blockers.isEmpty ? PlanCache() : nil
    }

    /// Renders template `name` with its typed view.
    public func render(_ name: String, _ view: any TemplateView) throws(ThemeError) -> String {
        let library = self.library
        let rendered = plans.map { $0.render(name, view) { library.render($0, withTemplate: name) } } ?? library.render(view, withTemplate: name)
        guard let html = rendered else {
            throw ThemeError(file: name + ".mustache", message: "template not found")
        }
        return html
    }

    /// The `*.mustache` files under a folder, by name, sorted; links included (`read` checks
    /// where they lead), hidden names skipped.
    private static func templateFiles(in folder: URL) -> [(String, URL)] {
        let root = folder.standardizedFileURL.path
        return FolderWalk.entries(under: root, skipHidden: true).entries.compactMap { entry in
            guard entry.kind != .folder, entry.nameIsUTF8, entry.relative.hasSuffix(".mustache") else { return nil }
            return (String(entry.relative.dropLast(".mustache".count)), URL(fileURLWithPath: entry.path))
        }.sorted { $0.0 < $1.0 }
    }

    /// The largest template file read.
    static let maximumTemplateSize = 128 << 10

    private static func read(_ file: URL, inside root: URL) throws(ThemeError) -> String {
        guard let resolved = FileBytes.realPath(file.path), let resolvedRoot = FileBytes.realPath(root.path),
              resolved.hasPrefix(resolvedRoot == "/" ? "/" : resolvedRoot + "/") else {
            throw ThemeError(file: file.path, message: "symbolic link leads outside \(root.lastPathComponent)/; it is not followed")
        }
        // Nor into a hidden folder inside it (`content/.git/config`): what is hidden is never published.
        if resolved.dropFirst(resolvedRoot.count).split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            throw ThemeError(file: file.path, message: "symbolic link leads into a hidden folder or file; it is not followed")
        }
        var status = stat()
        guard stat(resolved, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw ThemeError(file: file.path, message: "not a regular file; a template must be a plain text file")
        }
        // The Mustache parser finds positions by counting from the start of the text: its time
        // grows with the square of the size (a 1 MB partial took 98 s). Real templates are a
        // few kilobytes.
        guard status.st_size <= maximumTemplateSize else {
            throw ThemeError(file: file.path, message: "the template is \(status.st_size >> 10) KB, more than the \(maximumTemplateSize >> 10) KB a template may have; split it into partials, or move text into the content")
        }
        do {
            return try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw ThemeError(file: file.path, message: "cannot read template: \(error.localizedDescription)")
        }
    }

    /// Mustache escapes `{{value}}` with `HTMLEscape`: swift-mustache's own HTML escaping goes
    /// character by character, and its default cannot be replaced, so every template starts
    /// with a line that names the content type `HTML`, registered here as `HTMLEscape` (a
    /// template that names `HTML` itself gets it too). The line is standalone, so it renders
    /// nothing; parse errors are given at the template's own line numbers.
    private static let escaping: Void = MustacheContentTypes.register(EscapedHTML(), named: "HTML")
    static let contentTypeLine = "{{% CONTENT_TYPE: HTML }}\n"

    private struct EscapedHTML: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLEscape.escaped(text) }
    }

    private static func parse(_ text: String, file: URL) throws(ThemeError) -> MustacheTemplate {
        _ = escaping
        do {
            return try MustacheTemplate(string: contentTypeLine + text)
        } catch let error as MustacheTemplate.ParserError {
            throw ThemeError(file: file.path, line: max(1, error.context.lineNumber - 1), message: "template syntax error: \(error.error)")
        } catch {
            throw ThemeError(file: file.path, message: "template syntax error: \(error)")
        }
    }
}

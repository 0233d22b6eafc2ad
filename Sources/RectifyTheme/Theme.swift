import Foundation
import Mustache

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

    /// Loads the theme's templates, then the overrides, and checks that every template in
    /// `required` exists. Parse errors name the template file and line.
    public init(directory: URL, overrides: URL?, required: [String]) throws(ThemeError) {
        self.directory = directory
        var templates: [String: MustacheTemplate] = [:]
        let templatesDirectory = directory.appending(path: "templates", directoryHint: .isDirectory)
        guard FileManager.default.fileExists(atPath: templatesDirectory.path) else {
            throw ThemeError(file: templatesDirectory.path, message: "theme has no templates folder")
        }
        for folder in [templatesDirectory, overrides].compactMap({ $0 }) {
            for (name, file) in Self.templateFiles(in: folder) {
                templates[name] = try Self.parse(file)
            }
        }
        for name in required where templates[name] == nil {
            throw ThemeError(file: templatesDirectory.appending(path: name + ".mustache").path, message: "required template is missing")
        }
        library = MustacheLibrary(templates: templates)
    }

    /// Renders template `name` with a context of plain dictionaries, arrays and strings.
    public func render(_ name: String, _ context: [String: Any]) throws(ThemeError) -> String {
        guard let html = library.render(context, withTemplate: name) else {
            throw ThemeError(file: name + ".mustache", message: "template not found")
        }
        return html
    }

    private static func templateFiles(in folder: URL) -> [(String, URL)] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var found: [(String, URL)] = []
        let prefix = folder.standardizedFileURL.path + "/"
        for case let url as URL in enumerator where url.pathExtension == "mustache" {
            let relative = url.standardizedFileURL.path.replacingOccurrences(of: prefix, with: "")
            found.append((String(relative.dropLast(".mustache".count)), url))
        }
        return found.sorted { $0.0 < $1.0 }
    }

    private static func parse(_ file: URL) throws(ThemeError) -> MustacheTemplate {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw ThemeError(file: file.path, message: "cannot read template: \(error.localizedDescription)")
        }
        do {
            return try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            throw ThemeError(file: file.path, line: error.context.lineNumber, message: "template syntax error: \(error.error)")
        } catch {
            throw ThemeError(file: file.path, message: "template syntax error: \(error)")
        }
    }
}

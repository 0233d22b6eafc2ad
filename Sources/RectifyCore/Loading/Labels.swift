import RectifySystem
import Foundation
import RectifyFrontMatter

/// The words the theme prints, in the site's language: `<theme>/i18n/<language>.yml`,
/// a flat mapping of label keys to text. Every language must define every key that
/// the default language (`zh-CN`) defines.
public struct Labels: Sendable {
    public let language: String
    public let values: [String: String]

    public subscript(key: String) -> String { values[key] ?? key }

    /// The languages a theme has labels for: the names of its `i18n/*.yml` files.
    public static func languages(in theme: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: theme.appending(path: "i18n").path)) ?? []
        return names.filter { $0.hasSuffix(".yml") }.map { String($0.dropLast(4)) }.sorted()
    }

    public static func load(language: String, theme: URL) throws(RectifyError) -> Labels {
        let file = theme.appending(path: "i18n/\(language).yml")
        let data: [UInt8]
        switch FileBytes.read(file.path, limit: ContentLoader.maximumFileSize) {
        case .success(let bytes): data = bytes
        case .failure(.unreadable(let reason)): throw .io(path: file.path, reason: "cannot read the labels for language \"\(language)\": \(reason)")
        case .failure: throw .io(path: file.path, reason: "no labels for language \"\(language)\"")
        }
        do {
            let node = try YAMLDocument.parse(try SourceText.decode(data))
            var values: [String: String] = [:]
            for entry in node.entries ?? [] {
                guard let text = entry.value.string else {
                    throw RectifyError.invalidContent([Diagnostic(file: file.path, line: entry.keyLine, message: "label \"\(entry.key)\" must be text")])
                }
                values[entry.key] = text
            }
            return Labels(language: language, values: values)
        } catch let error as FrontMatterError {
            throw .invalidContent([Diagnostic(file: file.path, line: error.line, message: error.message)])
        } catch let error as RectifyError {
            throw error
        } catch {
            throw .io(path: file.path, reason: "\(error)")
        }
    }
}

import RectifySystem
import Synchronization
import Foundation
import RectifyFrontMatter

/// Reads a content folder: `site.yml`, `items/*.md`, `pages/*.md` and `files/`.
///
/// Every problem in every file is gathered; if any is an error, loading throws them all.
public struct ContentLoader {
    /// Files larger than this are rejected before parsing.
    public static let maximumFileSize = 1 << 20

    public let directory: URL
    /// How paths are shown in messages: the content folder as the user named it.
    public let displayRoot: String
    /// Languages the theme has labels for.
    public let languages: [String]

    /// `directory` with its symbolic links resolved.
    private let resolvedDirectory: String?
    /// Folders found inside the content folder, with their links resolved, so that a plain
    /// file in one needs a single `lstat` instead of resolving its whole path (`realpath`
    /// reads every component of it: 70,000 system calls for 10,000 items).
    private let foldersInside = FoldersInside()

    /// The language of the messages: `--lang`, else the site's own `language`.
    public var messageLanguage: String?
    /// The build makes the public edition: near misses of its markings are errors.
    public var publicEdition = false

    public init(directory: URL, displayRoot: String, languages: [String]) {
        self.directory = directory
        resolvedDirectory = FileBytes.realPath(directory.path)
        self.displayRoot = displayRoot.hasSuffix("/") ? String(displayRoot.dropLast()) : displayRoot
        self.languages = languages
    }

    /// The loaded content, and the warnings found on the way.
    public func load() throws(RectifyError) -> (Content, [Diagnostic], MarkdownSources) {
        let siteFile = display("site.yml")
        let messages = Messages.forSite(directory, override: messageLanguage)
        let log = DiagnosticLog(messages: messages)
        guard let siteText = read("site.yml", log: log) else { throw .invalidContent(log.entries) }
        let config: SiteConfig?
        do {
            config = SiteConfig.load(try YAMLDocument.parse(siteText), file: siteFile, languages: languages, log: log,
                                     publicEdition: publicEdition)
        } catch {
            let message = explained(error, text: siteText, frontMatter: false, log: log)
            log.error(siteFile, message.line, message.text)
            config = nil
        }
        guard let config else { throw .invalidContent(log.entries) }

        // Files are read and parsed on all cores, each with its own log; the logs and the
        // duplicate-ID check are then taken in file order, so messages never vary.
        let names = markdownFiles(in: "items", log: log) + itemFolders(log: log)
        let parsed = parallelMap(names.count) { index -> (Item?, ItemBodies.Place?, Int?, DiagnosticLog) in
            let fileLog = DiagnosticLog(messages: messages)
            let name = names[index]
            guard let document = document("items/\(name)", log: fileLog) else { return (nil, nil, nil, fileLog) }
            var item = Item.load(document, file: display("items/\(name)"), relativePath: "items/\(name)", config: config, log: fileLog,
                                 publicEdition: publicEdition)
            if name.hasSuffix("/index.md") {
                item?.attachments = bundleFiles(in: "items/\(name.dropLast("/index.md".count))", log: fileLog)
            }
            // The body is read again when it is rendered: only its place is kept.
            let place = ItemBodies.Place(path: url("items/\(name)").path, fingerprint: document.textFingerprint, offset: document.bodyOffset,
                                         length: document.bodyText.utf8.count, firstLine: document.bodyStartLine)
            return (item, place, document.frontMatter["id"]?.value.line, fileLog)
        }
        var items: [(item: Item, body: ItemBodies.Place)] = []
        var firstFileOfID: [String: (id: String, file: String)] = [:]
        for (item, body, idLine, fileLog) in parsed {
            log.append(fileLog)
            guard let item, let body else { continue }
            if let (otherID, other) = firstFileOfID[Identifier.folded(item.id)] {
                let message = otherID == item.id ? log.messages.duplicateID(item.id, also: other)
                    : "duplicate id \"\(item.id)\" (\"\(otherID)\" in \(other) differs only by case, and Windows and macOS file shares treat the two as one folder)"
                log.error(item.source.displayPath, idLine, message)
                continue
            }
            firstFileOfID[Identifier.folded(item.id)] = (item.id, item.source.displayPath)
            items.append((item, body))
        }
        var pages: [(page: Page, body: String)] = []
        for name in markdownFiles(in: "pages", log: log) {
            guard let document = document("pages/\(name)", log: log),
                  let page = Page.load(document, name: String(name.dropLast(3)), file: display("pages/\(name)"), log: log) else { continue }
            pages.append((page, document.body))
        }
        let files = attachmentFiles(log: log)
        guard log.errors.isEmpty else { throw .invalidContent(log.entries) }
        items = NaturalOrder.sorted(items, by: \.item.id)
        pages.sort { ($0.page.weight, $0.page.name) < ($1.page.weight, $1.page.name) }
        let markdown = MarkdownSources(items: ItemBodies(places: items.map(\.body)), pages: pages.map(\.body))
        return (Content(config: config, items: items.map(\.item), pages: pages.map(\.page), files: files), log.entries, markdown)
    }

    private func display(_ relative: String) -> String { "\(displayRoot)/\(relative)" }

    private func url(_ relative: String) -> URL { directory.appending(path: relative) }

    /// The file's text, or nil with the problem logged (missing, too large, not UTF-8,
    /// or a symbolic link that leads outside the content folder).
    private func read(_ relative: String, log: DiagnosticLog) -> String? {
        let file = display(relative)
        let path = url(relative).path
        guard isInsideContent(path) else {
            log.error(file, nil, log.messages.linkLeadsOutside())
            return nil
        }
        switch FileBytes.read(path, limit: Self.maximumFileSize) {
        case .success(let bytes):
            do {
                return try SourceText.decode(bytes)
            } catch {
                log.error(file, error.line, log.messages.yaml(error.problem))
            }
        case .failure(.missing):
            log.error(file, nil, log.messages.fileNotFound())
        case .failure(.tooLarge(let size)):
            log.error(file, nil, log.messages.fileTooLarge(size, limit: Self.maximumFileSize))
        case .failure(.unreadable(let reason)):
            log.error(file, nil, log.messages.cannotRead(reason))
        }
        return nil
    }

    private func document(_ relative: String, log: DiagnosticLog) -> MarkdownDocument? {
        guard let text = read(relative, log: log) else { return nil }
        do {
            let document = try MarkdownDocument(parsing: text)
            for doubt in YAMLSlips.doubts(in: text) {
                switch doubt {
                case .cutAtHash(let line, let kept): log.warning(display(relative), line, log.messages.textCutAtHash(line: line, kept: kept))
                case .curlyQuotes(let line): log.warning(display(relative), line, log.messages.curlyQuotes(line: line))
                }
            }
            return document
        } catch {
            let message = explained(error, text: text, frontMatter: true, log: log)
            log.error(display(relative), message.line, message.text)
            return nil
        }
    }

    /// A YAML error, in plain words at the line of the slip when it is a common one (a
    /// full-width colon, a tab, an unclosed bracket), else as the parser put it.
    private func explained(_ error: FrontMatterError, text: String, frontMatter: Bool, log: DiagnosticLog) -> (line: Int?, text: String) {
        switch YAMLSlips.find(in: text, through: error.line, frontMatter: frontMatter) {
        case .fullWidthColon(let line)?: return (line, log.messages.fullWidthColon(line: line))
        case .tabIndent(let line)?: return (line, log.messages.tabIndent(line: line))
        case .unclosedBracket(let open, let line)?: return (line, log.messages.unclosedBracket(open, line: line))
        case .unclosedQuote(let quote, let line)?: return (line, log.messages.unclosedQuote(quote, line: line))
        case .colonInPlainText(let line)?: return (line, log.messages.colonInPlainText(line: line))
        case nil: return (error.line, log.messages.yaml(error.problem))
        }
    }

    /// The `*.md` file names in a subfolder, sorted; hidden files are skipped.
    private func markdownFiles(in folder: String, log: DiagnosticLog) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url(folder).path) else { return [] }
        return NaturalOrder.sorted(names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }) { $0 }
    }

    /// Items kept as folders: `items/<folder>/index.md`, with their evidence files beside them.
    private func itemFolders(log: DiagnosticLog) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url("items").path)) ?? []
        // `stat`, not `FileManager`: a folder holds thousands of items.
        let folder = url("items").path + "/"
        return names.filter { name in
            !name.hasPrefix(".") && FileBytes.isFolder(folder + name) && FileBytes.exists(folder + name + "/index.md")
        }.sorted { NaturalOrder.areInIncreasingOrder($0, $1) }.map { "\($0)/index.md" }
    }

    /// The evidence files beside an item's `index.md`. One whose name the item's own page
    /// takes (`index.html`, in any case) is an error: it would replace the page.
    private func bundleFiles(in folder: String, log: DiagnosticLog) -> [String] {
        files(under: folder, log: log).filter { name in
            guard name != "index.md" else { return false }
            if ["index.html", "index.htm"].contains(name.lowercased()) {
                log.error(display("\(folder)/\(name)"), nil, log.messages.reservedEvidenceName(name))
                return false
            }
            return true
        }
    }

    /// Every regular file under `files/`, relative to it, sorted.
    private func attachmentFiles(log: DiagnosticLog) -> [String] {
        files(under: "files", log: log)
    }

    /// Every file to publish under a folder of the content, relative to it, sorted.
    ///
    /// Nothing under a name that starts with `.` is published (`.git/`, `.secrets/`). A
    /// symbolic link to a file inside the content is published as a copy of that file; one
    /// that leads outside, a name that is not UTF-8 or holds a backslash, a FIFO, socket or
    /// device, and a folder that cannot be read are errors naming the file.
    private func files(under folder: String, log: DiagnosticLog) -> [String] {
        let root = url(folder).path
        guard FileBytes.exists(root) else { return [] }
        guard isInsideContent(root) else {
            log.error(display(folder), nil, "symbolic link leads outside the content folder; it is not followed")
            return []
        }
        let walk = FolderWalk.entries(under: FileBytes.realPath(root) ?? root, skipHidden: true)
        for unreadable in walk.unreadable {
            let place = unreadable.relative.isEmpty ? folder : "\(folder)/\(unreadable.relative)"
            log.error(display(place), nil, "cannot read this folder (\(unreadable.reason)); its files would be missing from the site")
        }
        var files: [String] = []
        for entry in walk.entries {
            let file = display("\(folder)/\(entry.relative)")
            guard entry.nameIsUTF8 else {
                log.error(file, nil, "the file name is not valid UTF-8; rename the file (e.g. with ASCII letters and digits)")
                continue
            }
            guard !entry.relative.contains("\\") else {
                log.error(file, nil, "the file name contains a backslash \"\\\", which Windows file shares and web servers read as a folder separator; rename the file")
                continue
            }
            // Published files are copied to Windows file shares: a name Windows cannot hold
            // (`CON`, `aux.txt`, a trailing dot or space, `?`) is an error, as for IDs.
            if let name = entry.relative.split(separator: "/").last.map(String.init), let reason = Identifier.windowsProblem(name) {
                log.error(file, nil, log.messages.windowsUnsafeName(name, reason: reason))
                continue
            }
            switch entry.kind {
            case .folder:
                continue
            case .file:
                files.append(entry.relative)
            case .link:
                guard isInsideContent(entry.path) else {
                    log.error(file, nil, log.messages.linkLeadsOutside())
                    continue
                }
                if FileBytes.isRegularFile(entry.path) {
                    files.append(entry.relative)
                } else {
                    log.warning(file, nil, "symbolic link to a folder; it is not followed and its files are not published")
                }
            case .other:
                log.error(file, nil, "not a regular file (a FIFO, socket or device); remove it or replace it with a plain file")
            }
        }
        // Two names that differ only by case are one file on a Windows share.
        var byFolded: [String: String] = [:]
        for name in files.sorted() {
            if let other = byFolded.updateValue(name, forKey: Identifier.folded(name)) {
                log.error(display("\(folder)/\(name)"), nil, log.messages.namesDifferOnlyByCase(name, other))
            }
        }
        return files.sorted()
    }

    /// Whether `path`, with every symbolic link resolved, lies inside the content folder.
    private func isInsideContent(_ path: String) -> Bool {
        guard let root = resolvedDirectory else { return false }
        if FileBytes.isPlainFile(path), let slash = path.lastIndex(of: "/") {
            let folder = String(path[..<slash])
            if let inside = foldersInside.answer(folder) { return inside }
            let resolved = FileBytes.realPath(folder).map { $0 == root || $0.hasPrefix(root == "/" ? "/" : root + "/") } ?? false
            foldersInside.note(folder, inside: resolved)
            return resolved
        }
        guard let resolved = FileBytes.realPath(path) else {
            // Nothing there at all: inside, and reading it says "not found". A link that
            // leads nowhere: refused like one that leads outside.
            return !FileBytes.exists(path)
        }
        return resolved.hasPrefix(root == "/" ? "/" : root + "/")
    }
}

/// Whether folders lead inside the content folder, as found so far; shared by the threads
/// that load the files.
private final class FoldersInside: Sendable {
    private let answers = Mutex<[String: Bool]>([:])

    func answer(_ folder: String) -> Bool? { answers.withLock { $0[folder] } }
    func note(_ folder: String, inside: Bool) { answers.withLock { $0[folder] = inside } }
}

import RectifySystem
import Foundation

/// The rule for what a build may replace: only a folder that Rectify built itself.
///
/// Checked before any other work. The output folder is refused when it
/// - is empty text, `/`, a system folder (`/home`, `/root`, `/etc`, `/usr`, `/var`, `/srv`,
///   …) or a mount point, whatever `--force-output` says;
/// - is, or contains, the user's home folder, the content folder, the theme folder or the
///   current folder, compared by device and inode, so that no alias (a symbolic link, a
///   bind mount) hides it;
/// - lies inside the content folder or the theme folder (whose files are copied into the
///   output, so the site would copy itself);
/// - is a regular file, or a symbolic link that leads nowhere;
/// - is a folder with files in it (other than a `.gitkeep`) that carries no Rectify marker
///   (`.rectify-output` inside it, or a build cache file beside it from an earlier Rectify),
///   unless `--force-output` is given.
///
/// A symbolic link is followed: the site is built beside the link's target and swapped
/// into it, and the link keeps pointing at the fresh site.
struct OutputGuard {
    /// The file every built site carries, so the next build knows it may replace the folder.
    static let markerName = ".rectify-output"
    static let markerText = "This folder was built by Rectify. The next `rectify build` replaces it as a whole.\n"

    /// The list of the files a build put in the folder, one path a line.
    static let manifestName = ".rectify-files"

    /// Files in a folder Rectify built that its list does not name: added by hand after the
    /// build. Empty when the folder has no list (built before there was one).
    static func filesAddedByHand(_ path: String) -> [String] {
        guard case .success(let bytes) = FileBytes.read(path + "/" + manifestName, limit: 64 << 20) else { return [] }
        let listed = Set(String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init))
        // A line ending in "/" stands for a folder another program wrote (the search index).
        let folders = listed.filter { $0.hasSuffix("/") }
        return FolderWalk.entries(under: path, skipHidden: false).entries
            .filter { entry in
                entry.kind != .folder && !listed.contains(entry.relative) && entry.relative != ".gitkeep"
                    && !folders.contains { entry.relative.hasPrefix($0) }
            }.map(\.relative)
    }

    /// The marker of a folder built as `edition`: the edition on a line of its own.
    static func markerText(for edition: Edition) -> String {
        markerText + "edition: \(edition.rawValue)\n"
    }

    /// Whether the folder's marker says it holds the public edition.
    static func holdsPublicEdition(_ path: String) -> Bool {
        guard case .success(let bytes) = FileBytes.read(path + "/" + markerName, limit: 4096) else { return false }
        return String(decoding: bytes, as: UTF8.self).contains("\nedition: public\n")
    }

    let content: URL
    let theme: URL
    let currentDirectory: String
    let home: String?
    let force: Bool
    var edition = Edition.internal

    /// The rule for a build with these options.
    static func forBuild(_ options: BuildOptions) -> (rule: OutputGuard, output: URL, named: String) {
        (OutputGuard(content: options.contentDirectory, theme: options.themeDirectory,
                     currentDirectory: FileManager.default.currentDirectoryPath,
                     home: ProcessInfo.processInfo.environment["HOME"], force: options.forceOutput, edition: options.edition),
         options.outputDirectory, options.outputDisplay ?? options.outputDirectory.path)
    }

    /// The folder to build into, with symbolic links resolved, or an error that says why not.
    func check(_ output: URL, as named: String) throws(RectifyError) -> URL {
        if named.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .unsafeOutput(path: named, reason: .empty)
        }
        let path = Self.resolved(output.path)
        guard let path else { throw .unsafeOutput(path: named, reason: .danglingLink) }
        if path == "/" { throw .unsafeOutput(path: named, reason: .root) }
        if Self.systemFolders.contains(path) || Self.isMountPoint(path) { throw .unsafeOutput(path: named, reason: .system) }
        for (folder, role) in [(Self.resolved(content.path), OutputRefusal.Role.content),
                               (Self.resolved(theme.path), .theme),
                               (Self.resolved(currentDirectory), .current)] {
            guard let folder else { continue }
            if Self.contains(path, folder) { throw .unsafeOutput(path: named, reason: .contains(role)) }
            if role != .current && Self.contains(folder, path) && folder != path { throw .unsafeOutput(path: named, reason: .inside(role)) }
        }
        if let home, !home.isEmpty, let folder = Self.resolved(home), Self.contains(path, folder) {
            throw .unsafeOutput(path: named, reason: .home)
        }
        var status = stat()
        if lstat(path, &status) == 0 {
            guard (status.st_mode & S_IFMT) == S_IFDIR else { throw .unsafeOutput(path: named, reason: .notAFolder) }
            if !force && !Self.isEmpty(path) && !Self.wasBuiltByRectify(path) {
                throw .unsafeOutput(path: named, reason: .notOurs)
            }
            // The public edition's folder is what the public web server serves: the full
            // internal site built into it would publish everything.
            if !force && edition == .internal && Self.holdsPublicEdition(path) {
                throw .unsafeOutput(path: named, reason: .publicEdition)
            }
            // Files someone put into a built site would go with the old site: not unasked.
            if !force, case let added = Self.filesAddedByHand(path), !added.isEmpty {
                throw .unsafeOutput(path: named, reason: .filesAddedByHand(added))
            }
        }
        // Nor inside it: `public-edition/internal` would be served by the public web server,
        // whatever the flags.
        if edition == .internal {
            var folder = path
            while let slash = folder.lastIndex(of: "/"), slash != folder.startIndex {
                folder = String(folder[..<slash])
                if Self.holdsPublicEdition(folder) { throw .unsafeOutput(path: named, reason: .insidePublicEdition(folder)) }
            }
        }
        return URL(fileURLWithPath: path, isDirectory: true)
    }

    /// Folders a build never replaces, whatever the flags.
    static let systemFolders: Set<String> = ["/home", "/root", "/etc", "/usr", "/var", "/srv", "/bin", "/sbin", "/lib", "/lib64", "/boot",
                                             "/opt", "/tmp", "/dev", "/proc", "/sys", "/run", "/mnt", "/media", "/usr/local", "/var/www"]

    /// Whether the folder at `path` is, or is an ancestor of, `inner`: by path text, and by
    /// device and inode along `inner`'s ancestors, so that a bind mount or a link of the
    /// output cannot alias a folder it holds.
    static func contains(_ path: String, _ inner: String) -> Bool {
        if inner == path || inner.hasPrefix(path == "/" ? "/" : path + "/") { return true }
        guard let outer = identity(path) else { return false }
        var folder = inner
        while true {
            if let id = identity(folder), id == outer { return true }
            guard folder != "/", let slash = folder.lastIndex(of: "/") else { return false }
            folder = slash == folder.startIndex ? "/" : String(folder[..<slash])
        }
    }

    /// The device and inode of `path`, links followed.
    static func identity(_ path: String) -> [UInt64]? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return [UInt64(status.st_dev), UInt64(status.st_ino)]
    }

    /// Whether `path` is a mount point: on another device than its parent, or the same
    /// folder as its parent (a bind mount of the root).
    static func isMountPoint(_ path: String) -> Bool {
        let parent = (path as NSString).deletingLastPathComponent
        var own = stat(), above = stat()
        guard stat(path, &own) == 0, stat(parent.isEmpty ? "/" : parent, &above) == 0, (own.st_mode & S_IFMT) == S_IFDIR else { return false }
        return own.st_dev != above.st_dev || own.st_ino == above.st_ino
    }

    /// Whether the folder holds nothing but, perhaps, a git placeholder.
    static func isEmpty(_ path: String) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return false }
        return names.allSatisfy { $0 == ".gitkeep" }
    }

    /// Whether the folder carries Rectify's marker, or a build cache beside it shows that an
    /// earlier Rectify, from before the marker, built it.
    static func wasBuiltByRectify(_ path: String) -> Bool {
        var status = stat()
        if lstat(path + "/" + markerName, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG { return true }
        let url = URL(fileURLWithPath: path, isDirectory: true)
        return lstat(BuildCache.file(for: url).path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// The absolute path with symbolic links resolved; for a path that does not exist yet,
    /// its nearest existing parent resolved and the rest appended. Nil for a dangling link.
    static func resolved(_ path: String) -> String? {
        let absolute = (path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path)
        let standard = URL(fileURLWithPath: absolute).standardizedFileURL.path
        if let real = FileBytes.realPath(standard) { return real }
        if FileBytes.exists(standard) { return nil }  // a link that leads nowhere
        let url = URL(fileURLWithPath: standard)
        let parent = url.deletingLastPathComponent().path
        guard parent != standard, let resolvedParent = resolved(parent) else { return nil }
        return (resolvedParent == "/" ? "" : resolvedParent) + "/" + url.lastPathComponent
    }
}

/// Why an output folder was refused; the message says what to do instead.
public enum OutputRefusal: Sendable, Equatable {
    public enum Role: Sendable, Equatable {
        case content, theme, current

        var name: String {
            switch self {
            case .content: return "the content folder"
            case .theme: return "the theme folder"
            case .current: return "the current folder"
            }
        }
    }

    case empty
    case root
    case system
    case home
    case contains(Role)
    case inside(Role)
    case notAFolder
    case danglingLink
    case notOurs
    case publicEdition
    case insidePublicEdition(String)
    case filesAddedByHand([String])

    var message: String {
        switch self {
        case .empty: return "the output folder is empty text; name a folder, e.g. --output public"
        case .root: return "the output folder is the root folder /; a build replaces its output as a whole, so name a folder of its own, e.g. --output public"
        case .system: return "the output folder is a system folder or a mount point; a build replaces its output as a whole, so name a folder of its own, e.g. --output public"
        case .home: return "the output folder is or contains your home folder; a build replaces its output as a whole, so name a folder of its own, e.g. --output public"
        case .contains(let role): return "the output folder is or contains \(role.name); a build replaces its output as a whole, so choose a folder beside it, e.g. --output public"
        case .inside(let role): return "the output folder lies inside \(role.name), whose files are published; choose a folder beside it, e.g. --output public"
        case .notAFolder: return "a file, not a folder, is at this path; remove it or choose another --output"
        case .danglingLink: return "the output is a symbolic link that leads nowhere; create its target folder or choose another --output"
        case .publicEdition:
            return "this folder holds the public edition (整改情况公开), and this build makes the internal one: building it here would publish internal content. Add --edition public, or choose another --output"
        case .insidePublicEdition(let folder):
            return "the output folder lies inside \(folder), which holds the public edition (整改情况公开): its web server would publish the internal site built here. Choose a folder outside it"
        case .filesAddedByHand(let files):
            let shown = files.prefix(5).joined(separator: ", ") + (files.count > 5 ? " … (\(files.count) in all)" : "")
            return "this folder holds files the last build did not write (\(shown)); a build replaces the whole folder and they would be lost. Move them out (into content/files/ to publish them), or add --force-output to replace them"
        case .notOurs:
            return "this folder has files in it and was not built by Rectify (it has no \(OutputGuard.markerName) marker); a build would replace all of it. Choose an empty or new folder, or, after checking that nothing in it is needed, add --force-output"
        }
    }
}

import Foundation

/// The one walk over a folder tree: `opendir`, `readdir` and `lstat`, never following a
/// symbolic link and never opening a file. Content files, theme static files, the build
/// cache's fingerprint and output listing all use it.
package enum FolderWalk {
    package enum Kind: Equatable {
        case file, folder, link, other
    }

    package struct Entry {
        /// The path relative to the walked folder; names that are not UTF-8 are decoded
        /// with replacement characters (see `nameIsUTF8`).
        package let relative: String
        package let kind: Kind
        package let status: stat
        package let nameIsUTF8: Bool
        let root: String

        package var path: String { root + "/" + relative }
    }

    /// A folder that could not be listed, relative to the walked folder ("" for itself).
    package struct UnreadableFolder {
        package let relative: String
        package let reason: String
    }

    /// Every entry below `root`, folders before their contents, each folder's entries sorted
    /// by name. With `skipHidden`, a name that starts with `.` is skipped with everything below it.
    package static func entries(under root: String, skipHidden: Bool) -> (entries: [Entry], unreadable: [UnreadableFolder]) {
        var entries: [Entry] = [], unreadable: [UnreadableFolder] = []
        func walk(_ path: String, _ relative: String) {
            guard let directory = opendir(path) else {
                unreadable.append(UnreadableFolder(relative: relative, reason: String(cString: strerror(errno))))
                return
            }
            // Each entry's status through the open folder (`fstatat`): no full path to build.
            // A large folder (10,000 items) is stat'ed on all cores.
            var names: [[UInt8]] = []
            let descriptor = dirfd(directory)
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
                if name == [0x2E] || name == [0x2E, 0x2E] { continue }
                if skipHidden && name.first == 0x2E { continue }
                names.append(name + [0])
            }
            var statuses = [Foundation.stat?](repeating: nil, count: names.count)
            let listedNames = names
            statuses.withUnsafeMutableBufferPointer { slots in
                let slots = Unchecked(slots)
                let names = listedNames
                let parts = names.count >= 1024 ? 8 : 1
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    for index in stride(from: part, to: names.count, by: parts) {
                        var status = Foundation.stat()
                        let listed = names[index].withUnsafeBufferPointer {
                            fstatat(descriptor, UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), &status, AT_SYMLINK_NOFOLLOW)
                        }
                        if listed == 0 { slots.value[index] = status }
                    }
                }
            }
            closedir(directory)
            let found = zip(names, statuses).compactMap { name, status in status.map { (name: Array(name.dropLast()), status: $0) } }
            // By bytes, with `memcmp`: a generic comparison of byte arrays costs more than the walk.
            let sorted = found.sorted { a, b in
                a.name.withUnsafeBytes { x in
                    b.name.withUnsafeBytes { y in
                        let order = memcmp(x.baseAddress!, y.baseAddress!, min(x.count, y.count))
                        return order != 0 ? order < 0 : x.count < y.count
                    }
                }
            }
            for (bytes, status) in sorted {
                let valid = String(validating: bytes, as: UTF8.self)
                let name = valid ?? String(decoding: bytes, as: UTF8.self)
                let inner = relative.isEmpty ? name : relative + "/" + name
                let kind: Kind
                switch status.st_mode & S_IFMT {
                case S_IFREG: kind = .file
                case S_IFDIR: kind = .folder
                case S_IFLNK: kind = .link
                default: kind = .other
                }
                entries.append(Entry(relative: inner, kind: kind, status: status, nameIsUTF8: valid != nil, root: root))
                if kind == .folder && valid != nil { walk(path + "/" + name, inner) }
            }
        }
        walk(root, "")
        return (entries, unreadable)
    }
}

extension String {
    /// The text with control characters written as `\n`, `\t` or `\u{…}`, so a file name
    /// cannot break a diagnostic line or fake another one.
    package var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return self }
        var result = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

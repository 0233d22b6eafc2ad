import Foundation

/// Pagefind (PyPI `pagefind-bin-extended`, whose build segments Chinese words), run over the
/// staging folder before it is swapped in, so a published site always has an index that
/// matches its pages. It indexes only item pages and free pages (`data-pagefind-body`).
struct SearchIndexer {
    let program: URL

    /// `RECTIFY_PAGEFIND`, `pagefind_extended` or `pagefind` on the PATH, or the binary inside
    /// the Python package (pip installs it there, not on the PATH); nil if none.
    static func find() -> SearchIndexer? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["RECTIFY_PAGEFIND"], !explicit.isEmpty {
            return FileManager.default.isExecutableFile(atPath: explicit) ? SearchIndexer(program: URL(fileURLWithPath: explicit)) : nil
        }
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["pagefind_extended", "pagefind"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return SearchIndexer(program: URL(fileURLWithPath: "\(folder)/\(name)"))
            }
        }
        guard let python = folders.map({ "\($0)/python3" }).first(where: FileManager.default.isExecutableFile(atPath:)) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import os, pagefind_bin_extended as p; print(os.path.join(os.path.dirname(p.__file__), 'pagefind_extended'))"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, FileManager.default.isExecutableFile(atPath: path) else { return nil }
        return SearchIndexer(program: URL(fileURLWithPath: path))
    }

    /// Writes the index into `pagefind/` inside `site`.
    func index(_ site: URL) throws(RectifyError) {
        let process = Process()
        process.executableURL = program
        process.arguments = ["--site", site.path, "--output-subdir", "pagefind", "--keep-index-url", "--silent"]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw .io(path: program.path, reason: "cannot start Pagefind: \(error.localizedDescription)")
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw .io(path: site.path, reason: "Pagefind could not index the site: \(String(decoding: message, as: UTF8.self).prefix(500))")
        }
    }
}

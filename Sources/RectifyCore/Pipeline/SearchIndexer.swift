import Foundation

/// Pagefind (PyPI `pagefind-bin-extended`, whose build segments Chinese words), run over the
/// staging folder before it is swapped in, so a published site always has an index that
/// matches its pages. It indexes only item pages and free pages (`data-pagefind-body`).
struct SearchIndexer {
    let program: URL

    /// `RECTIFY_PAGEFIND`, `pagefind_extended` or `pagefind` on the PATH, or the binary inside
    /// the Python package (pip installs it there, not on the PATH); nil if none.
    static func find() -> SearchIndexer? {
        if ProcessInfo.processInfo.environment["RECTIFY_PAGEFIND"].map({ !$0.isEmpty }) == true {
            return ExternalProgram.find(override: "RECTIFY_PAGEFIND", names: []).map(SearchIndexer.init(program:))
        }
        if let program = ExternalProgram.onPath(["pagefind_extended", "pagefind"]) { return SearchIndexer(program: program) }
        guard let python = ExternalProgram.onPath(["python3"]) else { return nil }
        let process = Process()
        process.executableURL = python
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

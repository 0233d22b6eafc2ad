import Foundation
import RectifySystem

/// Pagefind (PyPI `pagefind-bin-extended`, whose build segments Chinese words), run over the
/// staging folder before it is swapped in, so a published site always has an index that
/// matches its pages. It indexes only item pages and free pages (`data-pagefind-body`).
struct SearchIndexer {
    let program: URL

    /// `RECTIFY_PAGEFIND`, `pagefind_extended` beside the rectify program (the offline bundle),
    /// `pagefind_extended` or `pagefind` on the PATH, or the binary inside
    /// the Python package (pip installs it there, not on the PATH); nil if none.
    static func find() -> SearchIndexer? {
        if ProcessInfo.processInfo.environment["RECTIFY_PAGEFIND"].map({ !$0.isEmpty }) == true {
            return ExternalProgram.find(override: "RECTIFY_PAGEFIND", names: []).map(SearchIndexer.init(program:))
        }
        // The offline bundle carries Pagefind beside rectify.
        let bundled = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appending(path: "pagefind_extended")
        if FileManager.default.isExecutableFile(atPath: bundled.path) { return SearchIndexer(program: bundled) }
        if let program = HelperProcess.onPath(["pagefind_extended", "pagefind"]) { return SearchIndexer(program: program) }
        return inPythonPackage()
    }

    /// The binary inside PyPI's `pagefind_bin_extended`, as the installed Python finds it.
    /// Python runs isolated (`-I`: no current folder, no user site, no PYTHON* variables) from
    /// the root folder, so a `pagefind_bin_extended.py` in a content repository is never
    /// imported; and the binary must lie in the package's own folder.
    static func inPythonPackage() -> SearchIndexer? {
        guard let python = HelperProcess.onPath(["python3"]),
              let outcome = try? HelperProcess.run(python, ["-I", "-c", "import os, pagefind_bin_extended as p; print(os.path.dirname(os.path.realpath(p.__file__)))"],
                                                   timeout: 30, outputLimit: 4096),
              outcome.succeeded else { return nil }
        let folder = URL(fileURLWithPath: String(decoding: outcome.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        let binary = folder.appending(path: "pagefind_extended")
        guard folder.lastPathComponent == "pagefind_bin_extended", let real = FileBytes.realPath(binary.path),
              real.hasPrefix(folder.path + "/"), FileManager.default.isExecutableFile(atPath: real) else { return nil }
        return SearchIndexer(program: URL(fileURLWithPath: real))
    }

    /// The most an index of the site may take: Pagefind that never ends is killed. 600 s, or
    /// `RECTIFY_PAGEFIND_TIMEOUT` seconds (1–86400) for a very slow machine.
    static let timeLimit: TimeInterval = {
        guard let text = ProcessInfo.processInfo.environment["RECTIFY_PAGEFIND_TIMEOUT"], let seconds = Double(text),
              seconds.isFinite, (1...86400).contains(seconds) else { return 600 }
        return seconds
    }()

    /// Writes the index into `pagefind/` inside `site`.
    func index(_ site: URL) throws(RectifyError) {
        let outcome: HelperProcess.Outcome
        do {
            outcome = try HelperProcess.run(program, ["--site", site.path, "--output-subdir", "pagefind", "--keep-index-url", "--silent"],
                                            timeout: Self.timeLimit, outputLimit: 1 << 20)
        } catch {
            throw .io(path: program.path, reason: "cannot start Pagefind: \(error.localizedDescription)")
        }
        if outcome.timedOut { throw .io(path: site.path, reason: "Pagefind did not finish within \(Int(Self.timeLimit)) s") }
        guard outcome.succeeded else {
            throw .io(path: site.path, reason: "Pagefind could not index the site: \(String(decoding: outcome.errors, as: UTF8.self).prefix(500))")
        }
    }
}

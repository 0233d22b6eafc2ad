import Foundation

/// WeasyPrint (PyPI `weasyprint`), which implements CSS Paged Media: page numbers in the
/// contents, PDF bookmarks from the headings, running headers.
struct WeasyPrint {
    let program: URL

    /// `RECTIFY_WEASYPRINT`, or `weasyprint` on the PATH; nil if neither.
    static func find() -> WeasyPrint? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["RECTIFY_WEASYPRINT"], !explicit.isEmpty {
            return FileManager.default.isExecutableFile(atPath: explicit) ? WeasyPrint(program: URL(fileURLWithPath: explicit)) : nil
        }
        for folder in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/weasyprint"
            if FileManager.default.isExecutableFile(atPath: path) { return WeasyPrint(program: URL(fileURLWithPath: path)) }
        }
        return nil
    }

    func print(_ page: URL, to pdf: URL, timeout: TimeInterval = 300) throws(RectifyError) {
        let process = Process()
        process.executableURL = program
        process.arguments = ["--quiet", page.path, pdf.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .io(path: program.path, reason: "cannot start WeasyPrint: \(error.localizedDescription)")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            throw .io(path: pdf.path, reason: "WeasyPrint did not finish printing within \(Int(timeout)) s")
        }
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: pdf.path) else {
            throw .io(path: pdf.path, reason: "WeasyPrint could not print \(page.lastPathComponent) (exit status \(process.terminationStatus))")
        }
    }
}

import Foundation

/// Prints HTML files of the built site to PDF with an installed headless Chromium.
struct PDFPrinter {
    /// Names tried on the PATH, in order; `RECTIFY_CHROMIUM` overrides them.
    static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    let browser: URL

    /// The browser to print with, or nil if none is installed.
    static func find() -> PDFPrinter? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["RECTIFY_CHROMIUM"], !explicit.isEmpty {
            return FileManager.default.isExecutableFile(atPath: explicit) ? PDFPrinter(browser: URL(fileURLWithPath: explicit)) : nil
        }
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for name in candidates {
            for folder in folders {
                let path = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return PDFPrinter(browser: URL(fileURLWithPath: path)) }
            }
        }
        return nil
    }

    /// With `--pdf`: the print document and the ledger as PDFs, printed from the staging
    /// folder. Without Chromium the build goes on and says so in a note.
    static func printDocuments(in folder: URL) throws(RectifyError) -> (pdfs: [String], notes: [String]) {
        guard let printer = find() else {
            return ([], ["--pdf: no Chromium found (looked for \(candidates.joined(separator: ", ")) on the PATH); built without PDFs"])
        }
        var pdfs: [String] = []
        for (page, pdf) in [(SitePaths.printDocument, "print.pdf"), (SitePaths.ledger, "ledger.pdf")] {
            try printer.print(folder.appending(path: page), to: folder.appending(path: pdf))
            pdfs.append(pdf)
        }
        return (pdfs, [])
    }

    /// Prints `page` to `pdf`; the page's CSS sets the paper size and the page numbers.
    func print(_ page: URL, to pdf: URL, timeout: TimeInterval = 120) throws(RectifyError) {
        let process = Process()
        process.executableURL = browser
        var arguments = ["--headless", "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-dev-shm-usage",
                         "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString]
        if geteuid() == 0 { arguments.insert("--no-sandbox", at: 1) }
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .io(path: browser.path, reason: "cannot start Chromium: \(error.localizedDescription)")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            throw .io(path: pdf.path, reason: "Chromium did not finish printing within \(Int(timeout)) s")
        }
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: pdf.path) else {
            throw .io(path: pdf.path, reason: "Chromium could not print \(page.lastPathComponent) (exit status \(process.terminationStatus))")
        }
    }
}

import Foundation
import RectifySystem

/// Prints HTML files of the built site to PDF with an installed headless Chromium.
struct PDFPrinter {
    /// Names tried on the PATH, in order; `RECTIFY_CHROMIUM` overrides them.
    static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    let browser: URL

    /// The browser to print with, or nil if none is installed.
    static func find() -> PDFPrinter? {
        ExternalProgram.find(override: "RECTIFY_CHROMIUM", names: candidates).map(PDFPrinter.init(browser:))
    }

    /// With `--pdf`: the print document and the ledger as PDFs, printed from the staging
    /// folder. The print document goes to WeasyPrint when it is installed: it implements CSS
    /// Paged Media, so the contents get page numbers (`target-counter`) and the PDF gets
    /// bookmarks; Chromium has neither, and prints it without them. The ledger is printed by
    /// Chromium, whose table layout keeps every row whole. A missing engine is a note.
    static func printDocuments(in folder: URL) throws(RectifyError) -> (pdfs: [String], notes: [String]) {
        let chromium = find(), weasyPrint = WeasyPrint.find()
        var pdfs: [String] = [], notes: [String] = []
        let document = try linkFreeCopy(of: folder.appending(path: SitePaths.printDocument)), documentPDF = folder.appending(path: "print.pdf")
        defer { unlink(document.path) }
        if let weasyPrint {
            try weasyPrint.print(document, to: documentPDF)
            pdfs.append("print.pdf")
        } else if let chromium {
            try chromium.print(document, to: documentPDF)
            pdfs.append("print.pdf")
            notes.append("--pdf: print.pdf was printed by Chromium, so its contents have no page numbers; install WeasyPrint (pip install weasyprint) for them")
        }
        if let chromium {
            let ledger = try linkFreeCopy(of: folder.appending(path: SitePaths.ledger))
            defer { unlink(ledger.path) }
            try chromium.print(ledger, to: folder.appending(path: "ledger.pdf"))
            pdfs.append("ledger.pdf")
        } else {
            notes.append("--pdf: no Chromium found (looked for \(candidates.joined(separator: ", ")) on the PATH); built without ledger.pdf\(weasyPrint == nil ? " and print.pdf" : "")")
        }
        return (pdfs, notes)
    }

    /// A copy of `page` beside it (so its relative styles and images still load) whose links
    /// to other pages and files lead nowhere: a printer makes each relative link absolute,
    /// and the PDF then pointed into the build's staging folder, deleted once the build was
    /// done (26 `file://` links in the sample's ledger). Links within the page stay.
    static func linkFreeCopy(of page: URL) throws(RectifyError) -> URL {
        guard case .success(let bytes) = FileBytes.read(page.path, limit: 256 << 20) else {
            throw .io(path: page.path, reason: "cannot read the page to print")
        }
        let html = String(decoding: bytes, as: UTF8.self)
        var output = "", rest = html[...]
        while let range = rest.range(of: "<a href=\"") {
            output += rest[..<range.lowerBound]
            rest = rest[range.upperBound...]
            if rest.hasPrefix("#") {
                output += "<a href=\""
            } else {
                output += "<a data-href=\""
            }
        }
        output += rest
        let copy = page.deletingLastPathComponent().appending(path: ".print-\(page.lastPathComponent)")
        do {
            try Data(output.utf8).write(to: copy)
        } catch {
            throw .io(path: copy.path, reason: "cannot write the page to print: \(error.localizedDescription)")
        }
        return copy
    }

    /// Prints `page` to `pdf`; the page's CSS sets the paper size and the page numbers. Nothing
    /// is fetched from the network: names resolve nowhere, and every other address goes to a
    /// proxy that is not there.
    func print(_ page: URL, to pdf: URL, timeout: TimeInterval = 120) throws(RectifyError) {
        var arguments = ["--headless", "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-dev-shm-usage",
                         "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=socks5://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                         "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString]
        if geteuid() == 0 { arguments.insert("--no-sandbox", at: 1) }
        try PrintingProgram(name: "Chromium", program: browser).run(arguments, printing: page, to: pdf, timeout: timeout)
    }
}

/// A program that prints a page to a PDF, run to the end within a time limit.
struct PrintingProgram {
    let name: String
    let program: URL

    func run(_ arguments: [String], printing page: URL, to pdf: URL, timeout: TimeInterval) throws(RectifyError) {
        let outcome: HelperProcess.Outcome
        do {
            // Killed and reaped past the limit, not only signalled.
            outcome = try HelperProcess.run(program, arguments, timeout: timeout, outputLimit: 16 << 20)
        } catch {
            throw .io(path: program.path, reason: "cannot start \(name): \(error.localizedDescription)")
        }
        if outcome.timedOut {
            throw .io(path: pdf.path, reason: "\(name) did not finish printing within \(Int(timeout)) s")
        }
        guard outcome.succeeded, FileManager.default.fileExists(atPath: pdf.path) else {
            throw .io(path: pdf.path, reason: "\(name) could not print \(page.lastPathComponent) (exit status \(outcome.status.map(String.init) ?? "killed"))")
        }
    }
}

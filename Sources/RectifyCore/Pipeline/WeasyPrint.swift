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
        try PrintingProgram(name: "WeasyPrint", program: program).run(["--quiet", page.path, pdf.path], printing: page, to: pdf, timeout: timeout)
    }
}

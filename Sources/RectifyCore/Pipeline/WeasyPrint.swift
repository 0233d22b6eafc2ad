import Foundation

/// WeasyPrint (PyPI `weasyprint`), which implements CSS Paged Media: page numbers in the
/// contents, PDF bookmarks from the headings, running headers.
struct WeasyPrint {
    let program: URL

    /// `RECTIFY_WEASYPRINT`, or `weasyprint` on the PATH; nil if neither.
    static func find() -> WeasyPrint? {
        ExternalProgram.find(override: "RECTIFY_WEASYPRINT", names: ["weasyprint"]).map(WeasyPrint.init(program:))
    }

    func print(_ page: URL, to pdf: URL, timeout: TimeInterval = 300) throws(RectifyError) {
        // Local files only: an image named by its web address in the content is not fetched.
        try PrintingProgram(name: "WeasyPrint", program: program).run(["--quiet", "--allowed-protocols", "file", page.path, pdf.path],
                                                                      printing: page, to: pdf, timeout: timeout)
    }
}

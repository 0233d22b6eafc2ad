import FlyingFox
import Foundation

/// Answers GET and HEAD from the current snapshot: `index.html` for folders, a 404 page for
/// missing paths, 405 for other methods, 400 for paths that try to leave the site. HTML pages
/// get the live-reload script, and the last build error when there is one.
struct SiteHandler: HTTPHandler {
    let store: SiteStore

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return Self.text(.methodNotAllowed, "405 Method Not Allowed\n", extra: [.init("Allow"): "GET, HEAD"])
        }
        guard let path = Self.sitePath(request.target.path(percentEncoded: true)) else {
            return Self.text(.badRequest, "400 Bad Request\n")
        }
        let (snapshot, error) = store.current
        let candidates = path.isEmpty ? ["index.html"] : [path, path + "/index.html"]
        guard let found = candidates.first(where: { snapshot.files[$0] != nil }), var body = snapshot.files[found] else {
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/html; charset=utf-8"],
                                body: Data(Self.notFoundPage(path: path, error: error).utf8))
        }
        let type = ContentTypes.of(found)
        if type.hasPrefix("text/html") { body = Self.inject(into: body, error: error) }
        let headers: HTTPHeaders = [.contentType: type, .init("Cache-Control"): "no-store", .contentLength: String(body.count)]
        return HTTPResponse(statusCode: .ok, headers: headers, body: request.method == .HEAD ? Data() : body)
    }

    /// The site path for a request path, or nil for anything that could leave the site:
    /// `..` segments, encoded dots or slashes, backslashes, NUL and other control characters.
    static func sitePath(_ raw: String) -> String? {
        let lowered = raw.lowercased()
        for forbidden in ["%2e", "%2f", "%5c", "%00", "\\"] where lowered.contains(forbidden) { return nil }
        guard let decoded = raw.removingPercentEncoding, !decoded.unicodeScalars.contains(where: { $0.value < 0x20 }) else { return nil }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        return segments.joined(separator: "/")
    }

    static func inject(into page: Data, error: String?) -> Data {
        var html = String(decoding: page, as: UTF8.self)
        var banner = ""
        if let error {
            banner = "<div id=\"rectify-build-error\" style=\"background:#fde2e2;color:#a4161a;border:2px solid #a4161a;padding:1rem;margin:1rem;font:14px/1.5 monospace;white-space:pre-wrap\"><strong>Build failed; showing the last good build.</strong>\n\(escape(error))</div>"
        }
        if let body = html.range(of: "<body") , let close = html[body.upperBound...].firstIndex(of: ">") {
            html.insert(contentsOf: banner, at: html.index(after: close))
        }
        if let end = html.range(of: "</body>", options: .backwards) {
            html.insert(contentsOf: liveReloadScript, at: end.lowerBound)
        }
        return Data(html.utf8)
    }

    /// Reloads the page when the server says a rebuild finished; reconnects if the server restarts.
    static let liveReloadScript = """
        <script>(function () {
          function connect() {
            var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "\(PreviewServer.socketPath)");
            socket.onmessage = function () { location.reload(); };
            socket.onclose = function () { setTimeout(connect, 1000); };
          }
          connect();
        })();</script>

        """

    static func notFoundPage(path: String, error: String?) -> String {
        let page = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>404</title></head><body><h1>404 未找到页面 · Not Found</h1><p>/\(escape(path))</p><p><a href=\"/\">首页 · Home</a></p></body></html>\n"
        return String(decoding: inject(into: Data(page.utf8), error: error), as: UTF8.self)
    }

    static func text(_ status: HTTPStatusCode, _ text: String, extra: HTTPHeaders = [:]) -> HTTPResponse {
        var headers: HTTPHeaders = [.contentType: "text/plain; charset=utf-8"]
        for (key, value) in extra { headers[key] = value }
        return HTTPResponse(statusCode: status, headers: headers, body: Data(text.utf8))
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}

/// Content types by file extension, text ones with `charset=utf-8`.
enum ContentTypes {
    static func of(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "txt", "md": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}

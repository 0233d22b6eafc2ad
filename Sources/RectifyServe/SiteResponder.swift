import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Answers GET and HEAD from the current snapshot: `index.html` for folders, a 404 page for
/// missing paths, 405 for every other method (known or not), 400 for paths that try to leave
/// the site. HTML pages get the live-reload script, and the last build error when there is one.
///
/// Request lines and headers longer than `PreviewServer.maximumHeaderBytes` never reach here:
/// SwiftNIO's parser stops at the limit and the connection gets 400 and is closed. A request
/// that sends a body (nothing here reads one) is answered with 413 and its connection closed,
/// so no unread bytes keep the server busy.
struct SiteResponder: HTTPResponder {
    let store: SiteStore
    /// The banner's first line, in the site's language.
    var banner = "Build failed; showing the last good build."
    /// The names this server answers to, with or without its port: `localhost` and the
    /// `--host` given, besides any IP address. Any other `Host` is refused, so a web page whose
    /// name was rebound to 127.0.0.1 (DNS rebinding) cannot read the internal preview.
    var allowedHosts: Set<String> = []

    /// Whether `host` (a `Host` header, lowercased) is one this server answers to.
    func allows(_ host: String) -> Bool {
        if allowedHosts.contains(host) { return true }
        // An address typed as such is never a rebound name.
        var name = Substring(host)
        if name.hasPrefix("[") { return name.contains("]") }
        if let colon = name.lastIndex(of: ":") { name = name[..<colon] }
        var address = in_addr()
        return inet_pton(AF_INET, String(name), &address) == 1
    }

    /// The allowed `Host` values for a server at `host`:`port`.
    static func hosts(for host: String, port: UInt16) -> Set<String> {
        let names = ["localhost", host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host]
        return Set(names.flatMap { [$0.lowercased(), "\($0.lowercased()):\(port)"] })
    }

    func respond(to request: Request, context: PreviewContext) async throws -> Response {
        if Self.hasBody(request) {
            context.channel.close(mode: .input, promise: nil)
            return Self.text(.contentTooLarge, "413 Content Too Large: the preview server reads no request bodies\n", extra: [.connection: "close"])
        }
        guard request.method == .get || request.method == .head else {
            return Self.text(.methodNotAllowed, "405 Method Not Allowed\n", extra: [.allow: "GET, HEAD"])
        }
        if !allowedHosts.isEmpty {
            let host = (request.head.authority ?? "").lowercased()
            guard allows(host) else {
                return Self.text(.misdirectedRequest, "421 Misdirected Request: this preview answers only to \(allowedHosts.sorted().first ?? "127.0.0.1")\n")
            }
        }
        let target = request.head.path ?? "/"
        let rawPath = String(target.prefix { $0 != "?" && $0 != "#" })
        if rawPath == PreviewServer.eventsPath { return rebuildEvents() }
        guard let path = Self.sitePath(rawPath) else {
            return Self.text(.badRequest, "400 Bad Request\n")
        }
        let (snapshot, error) = store.current
        let candidates = path.isEmpty ? ["index.html"] : [path, path + "/index.html"]
        guard let found = candidates.first(where: { snapshot.files[$0] != nil }), var body = snapshot.files[found] else {
            return Self.response(.notFound, type: "text/html; charset=utf-8", Data(Self.notFoundPage(path: path, error: error, banner: banner).utf8), head: request.method == .head)
        }
        let type = ContentTypes.of(found)
        if type.hasPrefix("text/html") { body = Self.inject(into: body, error: error, banner: banner) }
        return Self.response(.ok, type: type, body, head: request.method == .head)
    }

    /// Server-sent events: `data: reload N` after every rebuild, good or bad, for as long as
    /// the page stays open.
    func rebuildEvents() -> Response {
        let changes = store.changes()
        let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: ": connected\n\n"))
            for await version in changes {
                try await writer.write(ByteBuffer(string: "data: reload \(version)\n\n"))
            }
            try await writer.finish(nil)
        })
    }

    static func hasBody(_ request: Request) -> Bool {
        if request.headers[.transferEncoding] != nil { return true }
        if let length = request.headers[.contentLength], length != "0" { return true }
        return false
    }

    static func response(_ status: HTTPResponse.Status, type: String, _ body: Data, head: Bool) -> Response {
        let headers: HTTPFields = [.contentType: type, .cacheControl: "no-store", .contentLength: String(body.count)]
        return Response(status: status, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
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

    static func inject(into page: Data, error: String?, banner title: String) -> Data {
        var html = String(decoding: page, as: UTF8.self)
        var banner = ""
        if let error {
            banner = "<div id=\"rectify-build-error\" style=\"background:#fde2e2;color:#a4161a;border:2px solid #a4161a;padding:1rem;margin:1rem;font:14px/1.5 monospace;white-space:pre-wrap\"><strong>\(escape(title))</strong>\n\(escape(error))</div>"
        }
        if let body = html.range(of: "<body"), let close = html[body.upperBound...].firstIndex(of: ">") {
            html.insert(contentsOf: banner, at: html.index(after: close))
        }
        if let end = html.range(of: "</body>", options: .backwards) {
            html.insert(contentsOf: liveReloadScript, at: end.lowerBound)
        }
        return Data(html.utf8)
    }

    /// Reloads the page when the server says a rebuild finished; the browser reconnects by
    /// itself if the server restarts.
    static let liveReloadScript = """
        <script>(function () {
          var events = new EventSource("\(PreviewServer.eventsPath)");
          events.onmessage = function () { location.reload(); };
        })();</script>

        """

    static func notFoundPage(path: String, error: String?, banner: String) -> String {
        let page = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>404</title></head><body><h1>404 未找到页面 · Not Found</h1><p>/\(escape(path))</p><p><a href=\"/\">首页 · Home</a></p></body></html>\n"
        return String(decoding: inject(into: Data(page.utf8), error: error, banner: banner), as: UTF8.self)
    }

    static func text(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8", .contentLength: String(text.utf8.count)]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}

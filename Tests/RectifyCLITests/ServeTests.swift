import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `rectify serve` on a free port, exercised with a real HTTP client (URLSession).
@Suite(.serialized) struct ServeTests {
    /// A running `rectify serve` on a copy of the sample content; stopped when released.
    final class Server: Sendable {
        let site: ScratchSite
        let port = Tool.freePort()
        let process: ChildProcess
        var base: String { "http://127.0.0.1:\(port)/" }

        init(_ extra: [String] = [], prepare: (ScratchSite) throws -> Void = { _ in }) async throws {
            site = try ScratchSite()
            try prepare(site)
            process = try ChildProcess(rectify: ["serve", "--content", site.content.path, "--theme",
                                                 Rectify.repository.appending(path: "theme").path, "--port", String(port)] + extra)
            for _ in 0..<200 {
                if (try? await Tool.run("curl", ["-s", "-o", "/dev/null", base]))?.status == 0 { break }
                try await Task.sleep(for: .milliseconds(50))
            }
        }

        deinit {
            process.kill()
            process.reap()
        }

        func get(_ path: String, method: String = "GET") async throws -> (status: Int, type: String, body: String) {
            var request = URLRequest(url: URL(string: base + path)!)
            request.httpMethod = method
            let (data, response) = try await URLSession.shared.data(for: request)
            let http = response as! HTTPURLResponse
            return (http.statusCode, http.value(forHTTPHeaderField: "Content-Type") ?? "", String(decoding: data, as: UTF8.self))
        }

        /// Waits until `path` satisfies `condition`, at most `seconds`.
        func waitFor(_ path: String, seconds: Double = 10, _ condition: (String) -> Bool) async throws -> Bool {
            let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
            while ContinuousClock.now < deadline {
                if condition(try await get(path).body) { return true }
                try await Task.sleep(for: .milliseconds(50))
            }
            return false
        }
    }

    @Test func servesPagesWithStatusCodesAndContentTypes() async throws {
        let server = try await Server()
        let home = try await server.get("")
        #expect(home.status == 200 && home.type == "text/html; charset=utf-8")
        #expect(home.body.contains("县民政局巡察反馈意见整改进展") && home.body.contains("/__rectify/events"), "live reload is injected while serving")
        #expect(try await server.get("items/1.1.1/").status == 200)
        #expect(try await server.get("items/1.1.1").status == 200)
        #expect(try await server.get("static/style.css").type == "text/css; charset=utf-8")
        #expect(try await server.get("feed.xml").type == "application/xml; charset=utf-8")
        #expect(try await server.get("data.json").type == "application/json; charset=utf-8")
        let missing = try await server.get("items/9.9.9/")
        #expect(missing.status == 404 && missing.body.contains("404"))
        let head = try await server.get("ledger/index.html", method: "HEAD")
        #expect(head.status == 200 && head.body.isEmpty)
        for method in ["POST", "PUT", "DELETE", "PATCH"] {
            #expect(try await server.get("index.html", method: method).status == 405, "\(method) must get 405")
        }
        // The build output itself never carries the live-reload script.
        #expect(try await site(server).build().status == 0)
        #expect(!(try String(contentsOf: server.site.output.appending(path: "index.html"), encoding: .utf8)).contains("__rectify"))
    }

    func site(_ server: Server) -> ScratchSite { server.site }

    @Test func editingAnItemUpdatesThePageAndSendsAReloadEvent() async throws {
        let server = try await Server()
        let events = try RawConnection(port: server.port)
        events.send(Array("GET /__rectify/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
        #expect(events.receive(until: ": connected", timeout: 5).contains("text/event-stream"))
        let started = ContinuousClock.now
        try server.site.edit("items/1.1.1.md") { $0.replacingOccurrences(of: "学习制度有温差", with: "学习制度有温差（预览修改）") }
        let message = events.receive(until: "data: reload ", timeout: 10)
        let elapsed = ContinuousClock.now - started
        #expect(message.contains("data: reload "))
        let page = try await server.get("items/1.1.1/").body
        #expect(page.contains("学习制度有温差（预览修改）"), "the page has changed when the reload event arrives")
        print("edit to reload event: \(elapsed)")
    }

    /// DNS rebinding: a web page whose name now points at 127.0.0.1 sends its own name as
    /// `Host`, and is refused; the names of this machine are answered.
    @Test func aRequestForAnotherHostNameIsRefused() async throws {
        let server = try await Server()
        func status(host: String) throws -> String {
            let connection = try RawConnection(port: server.port)
            connection.send(Array("GET /data.json HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n".utf8))
            return String(connection.receive(until: "\r\n", timeout: 5).prefix(12))
        }
        #expect(try status(host: "evil.example:\(server.port)") == "HTTP/1.1 421")
        #expect(try status(host: "rebound.example") == "HTTP/1.1 421")
        for host in ["127.0.0.1:\(server.port)", "localhost:\(server.port)", "127.0.0.1", "192.168.1.5:\(server.port)"] {
            #expect(try status(host: host) == "HTTP/1.1 200", "\(host)")
        }
    }

    /// The public edition's preview names where an error is, never what it says: the error
    /// may sit in an item that edition leaves out.
    @Test func thePublicPreviewsBannerQuotesNoHiddenText() async throws {
        let server = try await Server(["--edition", "public"]) { site in
            try site.write("items/9.9.1.md", sampleItem(id: "9.9.1", title: "qzxhiddentitle", extra: "visibility: internal"))
        }
        #expect(try await server.waitFor("items/1.1.1/") { $0.contains("学习制度有温差") })
        try server.site.edit("items/9.9.1.md") { $0.replacingOccurrences(of: "status: in_progress", with: "status: \"qzxsecretstatus\"") }
        #expect(try await server.waitFor("items/1.1.1/") { $0.contains("rectify-build-error") })
        let page = try await server.get("items/1.1.1/").body
        #expect(page.contains("items/9.9.1.md:6"), "the banner names the place")
        #expect(!page.contains("qzxsecretstatus") && !page.contains("qzxhiddentitle"), "the banner quotes what the public edition hides")
    }

    /// An open page keeps its live-reload connection open for ever; Ctrl-C and SIGTERM end
    /// the server all the same.
    @Test func ctrlCAndSIGTERMStopTheServerWithAPageOpen() async throws {
        for signal in [SIGINT, SIGTERM] {
            let server = try await Server()
            let events = try RawConnection(port: server.port)
            events.send(Array("GET /__rectify/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
            #expect(events.receive(until: ": connected", timeout: 5).contains("text/event-stream"))
            kill(server.process.pid, signal)
            var exited = false
            for _ in 0..<200 where !exited {
                var status: Int32 = 0
                exited = waitpid(server.process.pid, &status, WNOHANG) == server.process.pid
                if !exited { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(exited, "signal \(signal): the server is still running 10 s later")
        }
    }

    @Test func aBrokenFileShowsTheErrorAndKeepsTheLastGoodSite() async throws {
        let server = try await Server()
        try server.site.edit("items/1.2.3.md") { $0.replacingOccurrences(of: "status: pending", with: "status: doing") }
        #expect(try await server.waitFor("items/1.1.1/") { $0.contains("rectify-build-error") })
        let page = try await server.get("items/1.1.1/")
        #expect(page.status == 200)
        #expect(page.body.contains("items/1.2.3.md:6: 未知的整改状态“doing”"), "the banner names the file and line, in the site's language")
        #expect(page.body.contains("自觉贯彻落实“第一议题”学习制度有温差"), "the last good page is still served")
        try server.site.edit("items/1.2.3.md") { $0.replacingOccurrences(of: "status: doing", with: "status: pending") }
        #expect(try await server.waitFor("items/1.1.1/") { !$0.contains("rectify-build-error") }, "the error goes once the file is fixed")
    }

    @Test func traversalProbesNeverLeaveTheSite() async throws {
        let server = try await Server()
        let probes = ["../../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd", "%2e%2e/%2e%2e/etc/passwd", "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
                      "items/..%2f..%2f..%2fetc/passwd", "index.html%00.txt", "%00", "..\\..\\etc\\passwd", "static/%2e%2e/%2e%2e/etc/passwd",
                      "....//....//etc/passwd", "%252e%252e/etc/passwd", "/etc/passwd", "//etc/passwd"]
        for probe in probes {
            let result = try await Tool.run("curl", ["-s", "--path-as-is", "-o", "-", "-w", "\n%{http_code}", server.base + probe])
            let status = Int(result.output.split(separator: "\n").last ?? "") ?? 0
            #expect(status == 400 || status == 404, "\(probe) got \(status)")
            #expect(!result.output.contains("root:x:0:0"), "\(probe) leaked /etc/passwd")
        }
    }

    @Test func loadDuringRebuildsAlwaysGetsWholePages() async throws {
        let server = try await Server()
        let item = "items/1.1.1.md"
        let rebuilds = Task {
            for round in 0..<8 {
                try server.site.edit(item) { text in
                    text.replacingOccurrences(of: round % 2 == 0 ? "学习制度有温差" : "学习制度有温差（甲）", with: round % 2 == 0 ? "学习制度有温差（甲）" : "学习制度有温差")
                }
                try await Task.sleep(for: .milliseconds(150))
            }
        }
        let paths = ["", "items/1.1.1/", "ledger/", "static/style.css", "categories/integrity/", "print/"]
        let failures = try await withThrowingTaskGroup(of: [String].self) { group in
            for client in 0..<4 {
                group.addTask {
                    var problems: [String] = []
                    for request in 0..<100 {
                        let path = paths[(client + request) % paths.count]
                        let (status, _, body) = try await server.get(path)
                        if status != 200 { problems.append("\(path): \(status)") }
                        if !path.hasSuffix(".css") && !body.hasSuffix("</html>\n") { problems.append("\(path): incomplete page") }
                        if path == "items/1.1.1/" && !(body.contains("学习制度有温差（甲）</h1>") || body.contains("学习制度有温差</h1>")) {
                            problems.append("\(path): a page from no build")
                        }
                    }
                    return problems
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        try await rebuilds.value
        #expect(failures.isEmpty, "\(failures.count) bad responses, e.g. \(failures.prefix(5))")
    }

    /// Oversized request lines and headers are refused at once, a body nobody reads closes
    /// the connection, and an unknown method gets 405, not 404.
    @Test func hostileRequestsAreRefusedCheaply() async throws {
        let server = try await Server()
        let longURL = try RawConnection(port: server.port)
        longURL.send(Array("GET /\(String(repeating: "a", count: 200_000)) HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        let urlAnswer = longURL.receiveAll(timeout: 10)
        #expect(urlAnswer.text.hasPrefix("HTTP/1.1 400"), "\(urlAnswer.text.prefix(80))")
        #expect(urlAnswer.closed)

        let longHeader = try RawConnection(port: server.port)
        longHeader.send(Array("GET / HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "b", count: 100_000))\r\n\r\n".utf8))
        let headerAnswer = longHeader.receiveAll(timeout: 10)
        #expect(headerAnswer.text.hasPrefix("HTTP/1.1 400"), "\(headerAnswer.text.prefix(80))")
        #expect(headerAnswer.closed)

        let body = try RawConnection(port: server.port)
        body.send(Array("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n".utf8) + [UInt8](repeating: 0x41, count: 65536))
        let bodyAnswer = body.receiveAll(timeout: 10)
        #expect(bodyAnswer.text.hasPrefix("HTTP/1.1 413"), "\(bodyAnswer.text.prefix(80))")
        #expect(bodyAnswer.closed, "the connection is closed instead of reading 100 MB nobody needs")
        #expect(body.send([UInt8](repeating: 0x41, count: 8 << 20)) < 8 << 20, "the server no longer reads the body")

        let other = try RawConnection(port: server.port)
        other.send(Array("PROPFIND /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8))
        let otherAnswer = other.receiveAll(timeout: 10)
        #expect(otherAnswer.text.hasPrefix("HTTP/1.1 405"), "\(otherAnswer.text.prefix(80))")
        #expect(otherAnswer.text.lowercased().contains("allow: get, head"))
        // A token that is no HTTP method at all is a malformed request for the parser.
        let unknown = try RawConnection(port: server.port)
        unknown.send(Array("FROB /index.html HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        let unknownAnswer = unknown.receiveAll(timeout: 10)
        #expect(unknownAnswer.text.hasPrefix("HTTP/1.1 400"), "\(unknownAnswer.text.prefix(80))")
        #expect(unknownAnswer.closed)

        #expect(try await server.get("").status == 200, "the server still answers")
    }

    /// A FIFO dropped into the content is reported, never opened; once it is gone the next
    /// rebuild succeeds.
    @Test func aFIFOInTheContentDoesNotWedgeRebuilds() async throws {
        let server = try await Server()
        let fifo = server.site.content.appending(path: "files/pipe.pdf")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        #expect(try await server.waitFor("") { $0.contains("rectify-build-error") && $0.contains("not a regular file") })
        try FileManager.default.removeItem(at: fifo)
        #expect(try await server.waitFor("") { !$0.contains("rectify-build-error") }, "rebuilds go on after the FIFO is removed")
    }

    /// Two links to `.` in the content once made the watcher follow about 2^40 paths, a full
    /// core, no edit ever seen. Links are not followed while watching, as while building.
    @Test func linksBackToTheContentFolderDoNotHideEdits() async throws {
        let server = try await Server { site in
            try FileManager.default.createSymbolicLink(atPath: site.content.appending(path: "loop-a").path, withDestinationPath: ".")
            try FileManager.default.createSymbolicLink(atPath: site.content.appending(path: "items/loop-b").path, withDestinationPath: "..")
        }
        #expect(try await server.get("items/1.1.1/").status == 200)
        try server.site.edit("items/1.1.1.md") { $0.replacingOccurrences(of: "学习制度有温差", with: "学习制度有温差（环路之后）") }
        #expect(try await server.waitFor("items/1.1.1/") { $0.contains("学习制度有温差（环路之后）") }, "the edit was never seen")
    }
}

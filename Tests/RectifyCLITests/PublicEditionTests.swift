import Foundation
import Testing

/// The public edition (整改情况公开) leaks nothing internal: a canary string is planted in
/// every internal place, the public edition is built with its search index and PDFs, and
/// every byte of every output file is scanned (text, the XML inside `.xlsx`, the
/// decompressed search-index files, PDF text, file and folder names). The internal edition
/// of the same content must show every canary, so the scan cannot pass by finding nothing.
@Suite struct PublicEditionTests {
    /// Each canary and where it is planted.
    static let canaries = [
        "qzxleader",          // every item's leader (site.yml replaces it)
        "qzxmeasures",        // every item's measures (site.yml leaves them out)
        "qzxhid.9",           // the hidden item's ID
        "qzxhiddentitle",     // its title
        "qzxhiddenbody",      // its body
        "qzxhiddenupdate",    // its update notes, one of them new since the baseline tag
        "qzxhiddendept",      // its department, used by no other item
        "qzxhiddenfile",      // its evidence file's name and content
        "qzxinternalupdate",  // an internal update of a published item
        "qzxinternalsection", // an internal body section of a published item
        "qzxevidencename",    // a published item's evidence file: its name
        "qzxevidencecontent", // and its content
        "qzxpagesection",     // an internal section of a free page
    ]

    /// The sample site with every canary planted, in git with a baseline tag and one
    /// commit after it (so that there are git dates and a changes page).
    static func plantedSite(withheld: String = "state") async throws -> ScratchSite {
        let site = try ScratchSite()
        let items = try FileManager.default.contentsOfDirectory(atPath: site.content.appending(path: "items").path).filter { $0.hasSuffix(".md") }.sorted()
        for (number, name) in items.enumerated() {
            try site.edit("items/\(name)") { text in
                var lines = text.components(separatedBy: "\n").filter { !$0.hasPrefix("measures:") }
                let leader = lines.firstIndex { $0.hasPrefix("leader:") }!
                lines[leader] = "leader: \"qzxleader\(number)\""
                lines.insert("measures: \"qzxmeasures\(number)\"", at: leader + 1)
                return lines.joined(separator: "\n")
            }
        }
        // A published mark, to prove that the scan reads inside every kind of file.
        try site.edit("items/1.1.1.md") { $0.replacingOccurrences(of: "title: \"", with: "title: \"qzxpublishedmark ") }
        try site.edit("site.yml") { $0 + "\npublic_edition:\n  leader: 分管领导\n  measures: omit\n  withheld: \(withheld)\n" }
        try site.write("items/qzxhid.9/index.md", """
            ---
            id: "qzxhid.9"
            title: "qzxhiddentitle 涉及个人的问题"
            category: political-duty
            group: study
            visibility: internal
            status: pending
            leader: "qzxhiddenleader"
            department: "qzxhiddendept"
            deadline: 2026-12-31
            measures: "qzxhiddenmeasures"
            updates:
              - date: 2026-10-01
                note: "qzxhiddenupdate 第一次"
            ---

            qzxhiddenbody 的正文，见[证明材料](qzxhiddenfile.txt)。
            """)
        try site.write("items/qzxhid.9/qzxhiddenfile.txt", "qzxhiddenfile content")
        // A published item kept as a folder, with an evidence file beside it.
        try FileManager.default.createDirectory(at: site.content.appending(path: "items/1.1.3"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: site.content.appending(path: "items/1.1.3.md"), to: site.content.appending(path: "items/1.1.3/index.md"))
        try site.write("items/1.1.3/qzxevidencename.pdf", "qzxevidencecontent")
        try site.write("pages/qzx-notes.md", "---\ntitle: 说明\n---\n\n公开的说明。\n\n<!-- 内部 -->\nqzxpagesection\n<!-- /内部 -->\n")
        try site.edit("items/1.1.2.md") { $0 + "\n\n<!-- internal -->\n内部分析：qzxinternalsection。\n<!-- /internal -->\n\n公开的结尾。\n" }
        let git = { (arguments: [String]) async throws in
            let result = try await Tool.run("git", ["-c", "user.name=t", "-c", "user.email=t@example", "-c", "commit.gpgsign=false"] + arguments, in: site.content)
            #expect(result.status == 0, "git \(arguments): \(result.output)")
        }
        try await git(["init", "-q"])
        try await git(["add", "-A"])
        try await git(["commit", "-q", "-m", "baseline"])
        try await git(["tag", "v1"])
        try site.edit("items/1.1.1.md") {
            $0.replacingOccurrences(of: "updates:\n", with: "updates:\n  - date: 2026-11-20\n    internal: true\n    note: \"qzxinternalupdate 内部进展\"\n")
        }
        try site.edit("items/qzxhid.9/index.md") {
            $0.replacingOccurrences(of: "status: pending", with: "status: in_progress")
                .replacingOccurrences(of: "updates:\n", with: "updates:\n  - date: 2026-11-21\n    note: \"qzxhiddenupdate 第二次\"\n")
        }
        try await git(["commit", "-q", "-am", "progress"])
        return site
    }

    /// Where each canary occurs under `folder`: in any file's bytes, inside zip members
    /// (`.xlsx`), inside gzip data (the search index), in PDF text, or in a path.
    static func scan(_ folder: URL, extra: [String] = []) async throws -> [String: [String]] {
        let script = #"""
            import gzip, io, json, os, subprocess, sys, zipfile
            root, canaries = sys.argv[1], [c.lower() for c in sys.argv[2:]]
            found = {c: [] for c in canaries}
            def text(value, where):
                low = value.lower()
                for c in canaries:
                    if c in low: found[c].append(where)
            def blob(data, where):
                text(data.decode("utf-8", "replace"), where)
                if data[:4] == b"PK\x03\x04":
                    with zipfile.ZipFile(io.BytesIO(data)) as z:
                        for name in z.namelist():
                            text(name, where + "!" + name)
                            blob(z.read(name), where + "!" + name)
                elif data[:2] == b"\x1f\x8b":
                    blob(gzip.decompress(data), where + "!gunzip")
                elif data[:5] == b"%PDF-":
                    out = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout
                    text(out.decode("utf-8", "replace"), where + "!pdftotext")
            for folder, dirs, files in os.walk(root):
                for name in dirs + files:
                    path = os.path.join(folder, name)
                    relative = os.path.relpath(path, root)
                    text(relative, relative + " (its name)")
                    if name in files and os.path.isfile(path):
                        with open(path, "rb") as f: blob(f.read(), relative)
            print(json.dumps(found))
            """#
        let result = try await Tool.run("python3", ["-c", script, folder.path] + canaries + extra)
        #expect(result.status == 0, "\(result.output)")
        return try JSONDecoder().decode([String: [String]].self, from: Data(result.output.utf8))
    }

    @Test(.enabled(if: Tool.available("git", "python3", "pdftotext")))
    func thePublicEditionLeaksNoCanaryAndTheInternalOneShowsThemAll() async throws {
        let site = try await Self.plantedSite()
        let publicFolder = site.root.appending(path: "public-edition")
        // Both PDFs printed by Chromium: WeasyPrint would take four times the CPU for the same
        // HTML, and the leaks this test looks for are in the HTML (PrintTests prints with it).
        let built = try await Rectify.run(["build", "--content", site.content.path, "--theme", Rectify.repository.appending(path: "theme").path,
                                           "--lang", "en", "--edition", "public", "--output", publicFolder.path, "--as-of", "2026-11-26", "--pdf"],
                                          environment: ["RECTIFY_WEASYPRINT": "/nonexistent/weasyprint"])
        #expect(built.status == 0, "\(built.output)")
        let internalBuild = try await site.build()
        #expect(internalBuild.status == 0, "\(internalBuild.output)")

        // The scan is real: the public edition has every kind of output it must cover.
        for file in ["index.html", "print/index.html", "print.pdf", "ledger.pdf", "ledger/index.html", "ledger.csv", "ledger.xlsx",
                     "data.json", "feed.xml", "sitemap.xml", "changes/index.html", "items/1.1.1/index.html", "pagefind/pagefind.js"] {
            #expect(FileManager.default.fileExists(atPath: publicFolder.appending(path: file).path), "public edition lacks \(file)")
        }
        let publicScan = try await Self.scan(publicFolder, extra: ["qzxpublishedmark"])
        let marks = publicScan["qzxpublishedmark"] ?? []
        for reader in ["print.pdf!pdftotext", "ledger.pdf!pdftotext", "ledger.xlsx!xl/", "!gunzip", "data.json"] {
            #expect(marks.contains { $0.contains(reader) }, "the scan did not read \(reader): \(marks)")
        }
        let leaks = publicScan.filter { $0.key != "qzxpublishedmark" && !$0.value.isEmpty }
        #expect(leaks.isEmpty, "the public edition leaks: \(leaks)")

        let shown = try await Self.scan(site.output)
        for canary in Self.canaries {
            #expect(shown[canary]?.isEmpty == false, "the internal edition does not show \(canary)")
        }
        // The internal edition's changes page names the hidden item's new update.
        #expect(try String(contentsOf: site.output.appending(path: "changes/index.html"), encoding: .utf8).contains("qzxhiddenupdate 第二次"))
        // The replacement text stands where the leaders were.
        #expect(try String(contentsOf: publicFolder.appending(path: "ledger/index.html"), encoding: .utf8).contains("分管领导"))
    }

    @Test func theCountsCoverOnlyWhatIsPublishedAndSayHowManyAreLeftOut() async throws {
        for withheld in ["state", "silent"] {
            let site = try await Self.plantedSite(withheld: withheld)
            let publicFolder = site.root.appending(path: "public-edition")
            let built = try await site.rectify("build", ["--edition", "public", "--output", publicFolder.path, "--as-of", "2026-11-26", "--no-search"])
            #expect(built.status == 0, "\(built.output)")
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: publicFolder.appending(path: "data.json"))) as! [String: Any]
            let totals = json["totals"] as! [String: Any]
            let items = json["items"] as! [[String: Any]]
            // 26 published of 27: every count is of the published items, so no subtraction
            // reveals the hidden item's status.
            #expect(items.count == 26 && totals["items"] as? Int == 26)
            let done = items.filter { $0["done"] as? Bool == true }.count
            #expect(totals["done"] as? Int == done && totals["open"] as? Int == 26 - done)
            let home = try String(contentsOf: publicFolder.appending(path: "index.html"), encoding: .utf8)
            let statusCounts = home.components(separatedBy: "class=\"status-count").count
            #expect(statusCounts > 1 || home.contains("26"))
            let note = "另有 1 项问题依规不予公开。"
            let pages = ["index.html", "ledger/index.html", "print/index.html", "data.json"].map {
                (try? String(contentsOf: publicFolder.appending(path: $0), encoding: .utf8)) ?? ""
            }
            if withheld == "state" {
                #expect(pages.allSatisfy { $0.contains(note) }, "the count is stated on the dashboard, the ledger, the print document and in data.json")
            } else {
                #expect(pages.allSatisfy { !$0.contains("另有") }, "silent: nothing about what is left out")
            }
        }
    }

    @Test func checkListsWhatThePublicEditionLeavesOutItemByItem() async throws {
        let site = try await Self.plantedSite()
        let result = try await site.rectify("check", ["--edition", "public", "--as-of", "2026-11-26"])
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.components(separatedBy: "\n")
        func line(_ file: String, _ words: String) -> Bool { lines.contains { $0.contains(file) && $0.contains(words) } }
        #expect(line("items/qzxhid.9/index.md:6:", "item qzxhid.9, whole"))
        #expect(line("items/1.1.1.md:", "item 1.1.1, the update of 2026-11-20"))
        #expect(line("items/1.1.2.md:", "item 1.1.2, its body's internal part"))
        #expect(line("items/1.1.3/index.md", "the evidence file qzxevidencename.pdf"))
        #expect(line("site.yml", "\"leader\" of every item shows as \"分管领导\""))
        #expect(line("site.yml", "left out of the public edition: \"measures\" of every item"))
    }

    @Test func aLinkToALeftOutItemStopsThePublicEditionAndTheInternalBuildKeepsOffItsFolder() async throws {
        let site = try ScratchSite()
        try site.write("items/9.9.1.md", sampleItem(id: "9.9.1", extra: "visibility: internal"))
        try site.edit("items/1.1.1.md") { $0 + "\n\n另见[相关问题](../9.9.1/index.html)。\n" }
        let publicFolder = site.root.appending(path: "public-edition")
        let refused = try await site.rectify("build", ["--edition", "public", "--output", publicFolder.path, "--as-of", "2026-11-26", "--no-search"])
        #expect(refused.status != 0)
        #expect(refused.output.contains("1.1.1.md:") && refused.output.contains("which the public edition leaves out"), "\(refused.output)")
        #expect(!FileManager.default.fileExists(atPath: publicFolder.path))

        try site.edit("items/1.1.1.md") { $0.replacingOccurrences(of: "另见[相关问题](../9.9.1/index.html)。", with: "") }
        let built = try await site.rectify("build", ["--edition", "public", "--output", publicFolder.path, "--as-of", "2026-11-26", "--no-search"])
        #expect(built.status == 0, "\(built.output)")
        // The internal edition is never built into the public edition's folder.
        let before = try site.snapshot(publicFolder)
        let wrong = try await site.rectify("build", ["--output", publicFolder.path, "--as-of", "2026-11-26", "--no-search"])
        #expect(wrong.status != 0 && wrong.output.contains("holds the public edition"), "\(wrong.output)")
        #expect(try site.snapshot(publicFolder) == before)
    }

    @Test func staffMistakesInTheMarkingsAreErrorsAtTheirLines() async throws {
        let site = try ScratchSite()
        try site.write("items/9.9.1.md", sampleItem(id: "9.9.1", body: "开头。\n\n<!-- internal -->\n没有结束。", extra: "visibility: secret"))
        let result = try await site.rectify("check", ["--edition", "public", "--as-of", "2026-11-26"])
        #expect(result.status != 0)
        #expect(result.output.contains("9.9.1.md:13: \"visibility\" must be internal"), "\(result.output)")
        #expect(result.output.contains("9.9.1.md:18: <!-- internal --> is never closed"), "\(result.output)")

        // site.yml is read first: its mistakes are reported on their own.
        try site.edit("site.yml") { $0 + "\npublic_edition:\n  department: omit\n  withheld_note: 另有若干项不公开\n" }
        let config = try await site.rectify("check", ["--edition", "public", "--as-of", "2026-11-26"])
        #expect(config.status != 0)
        #expect(config.output.contains("site.yml:") && config.output.contains("\"department\" cannot be omit"), "\(config.output)")
        #expect(config.output.contains("\"withheld_note\" needs a %d"), "\(config.output)")
    }

    /// `deploy/nginx-editions.conf`, run by a real nginx with only its paths, ports and
    /// certificate changed (a self-signed one made by openssl): the public edition is open
    /// over HTTP and HTTPS; the internal one is only over HTTPS (plain HTTP is redirected, so
    /// no password crosses the network in clear), refuses a network it does not allow even
    /// with the password, and on an allowed network asks for the password.
    @Test(.enabled(if: Tool.available("nginx", "curl", "openssl")))
    func theNginxExampleKeepsTheInternalEditionBehindTLSNetworkAndPassword() async throws {
        let site = try ScratchSite()
        try site.write("items/9.9.1.md", sampleItem(id: "9.9.1", title: "qzxnginxhidden", extra: "visibility: internal"))
        let publicFolder = site.root.appending(path: "public-edition")
        #expect(try await site.rectify("build", ["--edition", "public", "--output", publicFolder.path, "--as-of", "2026-11-26", "--no-search"]).status == 0)
        #expect(try await site.build(["--no-search"]).status == 0)
        try "staff:{PLAIN}s3cret\n".write(to: site.root.appending(path: "htpasswd"), atomically: true, encoding: .utf8)
        let certificate = site.root.appending(path: "zhenggai.crt"), key = site.root.appending(path: "zhenggai.key")
        let made = try await Tool.run("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                                                 "-keyout", key.path, "-out", certificate.path])
        #expect(made.status == 0, "\(made.output)")

        let example = try String(contentsOf: Rectify.repository.appending(path: "deploy/nginx-editions.conf"), encoding: .utf8)
        func serve(allowingLocalhost: Bool, _ check: (_ http: UInt16, _ https: UInt16) async throws -> Void) async throws {
            let http = Tool.freePort(), https = Tool.freePort()
            var server = example
                .replacingOccurrences(of: "listen 80;", with: "listen 127.0.0.1:\(http);")
                .replacingOccurrences(of: "listen 443 ssl;", with: "listen 127.0.0.1:\(https) ssl;")
                .replacingOccurrences(of: "/var/www/zhenggai-public/", with: publicFolder.path + "/")
                .replacingOccurrences(of: "/var/www/zhenggai/", with: site.output.path + "/")
                .replacingOccurrences(of: "/etc/nginx/rectify-internal.htpasswd", with: site.root.appending(path: "htpasswd").path)
                .replacingOccurrences(of: "/etc/nginx/certs/zhenggai.crt", with: certificate.path)
                .replacingOccurrences(of: "/etc/nginx/certs/zhenggai.key", with: key.path)
            if allowingLocalhost { server = server.replacingOccurrences(of: "        deny all;", with: "        allow 127.0.0.1;\n        deny all;") }
            let nginx = try await Nginx(servingConfig: server, port: http)
            _ = nginx
            try await check(http, https)
        }
        func get(_ url: String, user: String? = nil) async throws -> (code: String, body: String, location: String) {
            let body = site.root.appending(path: "body-\(UUID().uuidString)")
            let result = try await Tool.run("curl", ["-s", "-k", "-o", body.path, "-w", "%{http_code} %{redirect_url}"] + (user.map { ["-u", $0] } ?? []) + [url])
            let parts = result.output.split(separator: " ", maxSplits: 1).map(String.init)
            return (parts.first ?? "", (try? String(contentsOf: body, encoding: .utf8)) ?? "", parts.count > 1 ? parts[1] : "")
        }
        try await serve(allowingLocalhost: false) { http, https in
            for base in ["http://127.0.0.1:\(http)", "https://127.0.0.1:\(https)"] {
                let open = try await get(base + "/zhenggai/ledger/")
                #expect(open.code == "200" && open.body.contains("整改台账") && !open.body.contains("qzxnginxhidden"), "\(base)")
                #expect(try await get(base + "/zhenggai/items/9.9.1/").code == "404")
            }
            #expect(try await get("https://127.0.0.1:\(https)/zhenggai-internal/", user: "staff:s3cret").code == "403",
                    "a network not allowed is refused, password or not")
        }
        try await serve(allowingLocalhost: true) { http, https in
            let plain = try await get("http://127.0.0.1:\(http)/zhenggai-internal/items/9.9.1/", user: "staff:s3cret")
            #expect(plain.code == "301" && plain.location == "https://127.0.0.1/zhenggai-internal/items/9.9.1/" && !plain.body.contains("qzxnginxhidden"),
                    "plain HTTP is sent to HTTPS: \(plain.code) \(plain.location)")
            let base = "https://127.0.0.1:\(https)"
            #expect(try await get(base + "/zhenggai-internal/").code == "401")
            #expect(try await get(base + "/zhenggai-internal/", user: "staff:wrong").code == "401")
            let inside = try await get(base + "/zhenggai-internal/items/9.9.1/", user: "staff:s3cret")
            #expect(inside.code == "200" && inside.body.contains("qzxnginxhidden"))
        }
    }
}

private extension Rectify.Result {
    /// Standard output and error together.
    var output: String { stdout + stderr }
}

import Foundation
import Testing

/// Nothing in a content repository, a workbook or the folder a build runs from may run
/// code, wipe a file or take the machine's memory: each attack here is the real one.
@Suite struct HostileRepositoryTests {
    func git(_ site: ScratchSite, _ arguments: [String]) async throws {
        let result = try await Tool.run("git", ["-c", "user.name=t", "-c", "user.email=t@example", "-c", "commit.gpgsign=false"] + arguments, in: site.content)
        #expect(result.status == 0, "git \(arguments): \(result.output)")
    }

    /// A tag named `--output=FILE` (pushable with `git update-ref`, and kept by `git clone`)
    /// once reached `git rev-list` as an option and emptied FILE.
    @Test(.enabled(if: Tool.available("git")))
    func aTagNamedLikeAnOptionEmptiesNothing() async throws {
        let site = try ScratchSite()
        let victim = site.root.appending(path: "victim.txt")
        try "不能被清空\n".write(to: victim, atomically: true, encoding: .utf8)
        try await git(site, ["init", "-q"])
        try await git(site, ["add", "-A"])
        try await git(site, ["commit", "-q", "-m", "baseline"])
        try await git(site, ["update-ref", "refs/tags/--output=\(victim.path)", "HEAD"])
        let clone = site.root.appending(path: "clone")
        #expect(try await Tool.run("git", ["clone", "-q", site.content.path, clone.path]).status == 0)
        #expect(try await Tool.run("git", ["tag", "-l"], in: clone).output.contains("--output="), "the tag survives a clone")
        let theme = Rectify.repository.appending(path: "theme").path
        for command in [["check"], ["build", "--output", site.root.appending(path: "out").path, "--no-search"]] {
            let result = try await Rectify.run([command[0], "--content", clone.path, "--theme", theme, "--as-of", "2026-11-26"] + command.dropFirst())
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(try String(contentsOf: victim, encoding: .utf8) == "不能被清空\n", "\(command[0]) emptied the file a tag named")
        }
    }

    /// With `python3 -c`, Python puts the current folder first on its path: a
    /// `pagefind_bin_extended.py` in the folder a build runs from would run with the
    /// builder's rights. Python runs isolated, from the root folder.
    @Test(.enabled(if: Tool.available("python3")))
    func aPythonFileInTheWorkingFolderIsNeverRun() async throws {
        let site = try ScratchSite()
        let proof = site.root.appending(path: "ran.txt")
        try "open(\(String(reflecting: proof.path)), 'w').write('ran')\nraise SystemExit(1)\n"
            .write(to: site.content.appending(path: "pagefind_bin_extended.py"), atomically: true, encoding: .utf8)
        // Pagefind found only through Python: no binary on the PATH.
        let path = "/usr/bin:/bin"
        let result = try await Tool.capture(Rectify.executable.path, ["build", "--content", ".", "--theme", Rectify.repository.appending(path: "theme").path,
                                                                     "--output", site.output.path, "--as-of", "2026-11-26"],
                                            in: site.content, environment: ["PATH": path, "RECTIFY_PAGEFIND": ""])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: proof.path), "the build ran a Python file from its working folder")
    }

    /// `--force-output` never replaces a folder that holds the home folder, whatever its
    /// spelling, nor a system folder.
    @Test func theHomeFolderAndSystemFoldersAreNeverReplaced() async throws {
        let site = try ScratchSite()
        let homes = site.root.appending(path: "homes")
        for name in ["alice", "bob"] {
            try FileManager.default.createDirectory(at: homes.appending(path: "\(name)/documents"), withIntermediateDirectories: true)
            try "keep".write(to: homes.appending(path: "\(name)/documents/file.txt"), atomically: true, encoding: .utf8)
        }
        let theme = Rectify.repository.appending(path: "theme").path
        func build(_ output: String, home: String, force: Bool = true) async throws -> (status: Int32, stdout: String, stderr: String) {
            try await Tool.capture(Rectify.executable.path, ["build", "--content", site.content.path, "--theme", theme, "--output", output,
                                                            "--as-of", "2026-11-26", "--no-search", "--lang", "en"] + (force ? ["--force-output"] : []),
                                   in: site.root, environment: ["HOME": home])
        }
        for output in [homes.path, homes.path + "/", homes.appending(path: "alice/..").path] {
            let refused = try await build(output, home: homes.appending(path: "alice").path)
            #expect(refused.status != 0 && refused.stderr.contains("home folder"), "\(output): \(refused.stderr)")
        }
        for name in ["alice", "bob"] {
            #expect(FileManager.default.fileExists(atPath: homes.appending(path: "\(name)/documents/file.txt").path), "\(name)'s files are gone")
        }
        // Without --force-output: were the rule ever lost, the test must not replace /etc. The
        // rule is checked before the flag, so it holds with the flag too.
        for system in ["/etc", "/usr", "/var", "/srv", "/home", "/root"] {
            let refused = try await build(system, home: homes.appending(path: "alice").path, force: false)
            #expect(refused.status != 0 && refused.stderr.contains("system folder"), "\(system): \(refused.stderr)")
        }
    }

    /// Workbooks of a few kilobytes that once took gigabytes, or crashed: each now fails with
    /// a message, under an address-space limit of 1 GiB.
    @Test(.enabled(if: Tool.available("python3", "prlimit")))
    func hostileWorkbooksFailWithAMessageWithinBoundedMemory() async throws {
        let folder = try TemporaryFolder()
        let script = #"""
            import sys, zipfile
            folder = sys.argv[1]
            def book(name, sheet, shared=None, deflate=zipfile.ZIP_DEFLATED):
                with zipfile.ZipFile(f"{folder}/{name}.xlsx", "w", deflate) as z:
                    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
                    z.writestr("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
                    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
                    if shared is not None: z.writestr("xl/sharedStrings.xml", shared)
                    z.writestr("xl/worksheets/sheet1.xml", sheet)
            def sheet(cells, merges=""):
                return f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{cells}</sheetData>{merges}</worksheet>'
            header = '<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>问题</t></is></c></row>'
            book("far-row", sheet(header + '<row r="2000000000"><c r="A2000000000"><v>1</v></c></row>'))
            book("far-column", sheet(header + '<row r="3"><c r="ZZZZZZ3"><v>1</v></c></row>'))
            book("huge-merge", sheet(header, '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'))
            book("reversed-merge", sheet(header, '<mergeCells count="1"><mergeCell ref="C3:A1"/></mergeCells>'))
            book("overflow", sheet(header + '<row r="2"><c r="AAAAAAAAAAAAAAAAAAAA1"><v>1</v></c></row>'))
            book("negative-shared", sheet(header + '<row r="2"><c r="A2" t="s"><v>-1</v></c></row>'), shared='<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>x</t></si></sst>')
            book("bomb", sheet(header + "<!--" + " " * (400 << 20) + "-->"))
            """#
        let made = try await Tool.run("python3", ["-c", script, folder.url.path])
        #expect(made.status == 0, "\(made.output)")
        let bomb = try FileManager.default.attributesOfItem(atPath: folder.url.appending(path: "bomb.xlsx").path)[.size] as? Int ?? 0
        #expect(bomb < 2 << 20, "the bomb is small: \(bomb) bytes")
        for name in ["far-row", "far-column", "huge-merge", "reversed-merge", "overflow", "negative-shared", "bomb"] {
            let content = folder.url.appending(path: "content-\(name)")
            let result = try await Tool.capture("/usr/bin/prlimit", ["--as=\(1 << 30)", "--", Rectify.executable.path, "import",
                                                                     folder.url.appending(path: "\(name).xlsx").path, "--content", content.path])
            #expect(result.status == 1, "\(name): exit \(result.status): \(result.stderr.suffix(400))")
            #expect(result.stderr.contains("\(name).xlsx"), "\(name): \(result.stderr.suffix(400))")
            #expect(!FileManager.default.fileExists(atPath: content.appending(path: "site.yml").path))
        }
    }

    /// A signed commit in a repository whose `.git/config` asks `git log` to show signatures
    /// made git run the `gpg.program` it names: the repository's own program, run by the
    /// builder. Git runs with signatures off and every program setting emptied.
    @Test(.enabled(if: Tool.available("git")))
    func aRepositorysGPGProgramIsNeverRun() async throws {
        let site = try ScratchSite()
        let proof = site.root.appending(path: "gpg-ran.txt")
        let program = site.root.appending(path: "fake-gpg")
        try "#!/bin/sh\necho ran > \(proof.path)\nexit 1\n".write(to: program, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program.path)
        try await git(site, ["init", "-q"])
        try await git(site, ["add", "-A"])
        try await git(site, ["commit", "-q", "-m", "baseline"])
        // A commit carrying a signature header, made by hand: no key is needed for git to
        // call the program that would check it.
        let tree = try await Tool.run("git", ["rev-parse", "HEAD^{tree}"], in: site.content).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let parent = try await Tool.run("git", ["rev-parse", "HEAD"], in: site.content).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let commit = """
            tree \(tree)
            parent \(parent)
            author t <t@example> 1795000000 +0800
            committer t <t@example> 1795000000 +0800
            gpgsig -----BEGIN PGP SIGNATURE-----
             
             iQEzBAABCAAdFiEE
             -----END PGP SIGNATURE-----

            signed

            """
        let objectFile = site.root.appending(path: "commit.txt")
        try commit.write(to: objectFile, atomically: true, encoding: .utf8)
        let object = try await Tool.run("git", ["hash-object", "-t", "commit", "-w", objectFile.path], in: site.content).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try await git(site, ["update-ref", "HEAD", object])
        try await git(site, ["config", "log.showSignature", "true"])
        try await git(site, ["config", "gpg.program", program.path])
        let direct = try await Tool.run("git", ["log", "-1"], in: site.content)
        #expect(FileManager.default.fileExists(atPath: proof.path), "the attack works on plain git: \(direct.output)")
        try FileManager.default.removeItem(at: proof)
        let theme = Rectify.repository.appending(path: "theme").path
        for command in [["check"], ["build", "--output", site.output.path, "--no-search"]] {
            let result = try await Rectify.run([command[0], "--content", site.content.path, "--theme", theme, "--as-of", "2026-11-26"] + command.dropFirst())
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: proof.path), "\(command[0]) ran the repository's gpg.program")
        }
    }

    /// A search indexer that never ends is killed at its time limit: the build fails with a
    /// message and the previous output stays as it was.
    @Test func aPagefindThatNeverEndsIsStoppedAtItsTimeLimit() async throws {
        let site = try ScratchSite()
        let theme = Rectify.repository.appending(path: "theme").path
        let first = try await Rectify.run(["build", "--content", site.content.path, "--theme", theme, "--output", site.output.path,
                                           "--as-of", "2026-11-26", "--no-search"])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try site.snapshot()
        let pidFile = site.root.appending(path: "pagefind.pid")
        let hanging = site.root.appending(path: "pagefind")
        try "#!/bin/sh\necho $$ > \(pidFile.path)\nexec sleep 600\n".write(to: hanging, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hanging.path)
        let result = try await Tool.capture(Rectify.executable.path, ["build", "--content", site.content.path, "--theme", theme,
                                                                     "--output", site.output.path, "--as-of", "2026-11-26"],
                                            environment: ["RECTIFY_PAGEFIND": hanging.path, "RECTIFY_PAGEFIND_TIMEOUT": "1"])
        #expect(result.status == 1 && result.stderr.contains("Pagefind"), "\(result.status): \(result.stderr)")
        #expect(try site.snapshot() == before, "the previous output changed")
        let pid = try pid_t(String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(pid > 0 && !isRunning(pid), "the indexer \(pid) still runs")
    }

    /// `kill -9` of a build takes its helpers with it: a Pagefind still indexing once went on
    /// writing into the dead build's staging folder for 37 minutes.
    @Test func aKilledBuildTakesItsHelpersWithIt() async throws {
        let site = try ScratchSite()
        let pidFile = site.root.appending(path: "pagefind.pid")
        let hanging = site.root.appending(path: "pagefind")
        try "#!/bin/sh\necho $$ > \(pidFile.path).part\nmv \(pidFile.path).part \(pidFile.path)\nexec sleep 600\n"
            .write(to: hanging, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hanging.path)
        let build = try ChildProcess(rectify: ["build", "--content", site.content.path, "--theme", Rectify.repository.appending(path: "theme").path,
                                               "--output", site.output.path, "--as-of", "2026-11-26"],
                                     environment: ["RECTIFY_PAGEFIND": hanging.path])
        var pid: pid_t = 0
        for _ in 0..<300 where pid == 0 {
            try await Task.sleep(for: .milliseconds(50))
            pid = (try? String(contentsOf: pidFile, encoding: .utf8)).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
        }
        #expect(pid > 0, "the build never started its indexer")
        #expect(isRunning(pid))
        build.kill()
        await build.wait()
        var gone = false
        for _ in 0..<40 where !gone {
            try await Task.sleep(for: .milliseconds(50))
            gone = !isRunning(pid)
        }
        #expect(gone, "the indexer \(pid) outlived the killed build")
        if !gone { kill(pid, SIGKILL) }
    }

    /// Under a 300 MB address-space limit the build once hung for ever: Foundation's notice
    /// that a helper had ended never came (its thread could not be made), and the build
    /// waited on. A helper gone without the notice now counts as ended: the build finishes,
    /// with its search index or with a message.
    @Test(.enabled(if: Tool.available("prlimit", "timeout")))
    func aSmallAddressSpaceEndsTheBuildInsteadOfHangingIt() async throws {
        let site = try ScratchSite()
        let result = try await Tool.capture("/usr/bin/timeout", ["120", "/usr/bin/prlimit", "--as=\(300 << 20)", "--", Rectify.executable.path, "build",
                                                                "--content", site.content.path, "--theme", Rectify.repository.appending(path: "theme").path,
                                                                "--output", site.output.path, "--as-of", "2026-11-26", "--lang", "en"])
        #expect(result.status != 124, "the build hung under the limit: \(result.stderr.suffix(400))")
        #expect(result.status == 0 || result.stderr.contains("error") || result.stderr.contains(":"), "\(result.status): \(result.stderr.suffix(400))")
    }

    /// Whether `pid` is a live process (not gone, not a zombie waiting for its reaper).
    func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(close, offsetBy: 2)...].prefix(1)
        return state != "Z" && state != "X"
    }
}

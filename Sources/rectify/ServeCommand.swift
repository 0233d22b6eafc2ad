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

    func run() async throws {
        let server = PreviewServer(options: site.buildOptions(asOf: nil), host: host, port: port)
        let content = site.content
        try await server.run { url in
            FileHandle.standardOutput.write(Data("Serving \(content)/ at \(url) (Ctrl-C to stop)\n".utf8))
        }
    }
}

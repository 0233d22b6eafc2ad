import ArgumentParser

@main
struct Rectify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rectify",
        abstract: "Publishes the progress of rectification work as a static website.",
        version: RectifyVersion.current,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, ImportCommand.self, RenderWorkerCommand.self],
        defaultSubcommand: BuildCommand.self)
}

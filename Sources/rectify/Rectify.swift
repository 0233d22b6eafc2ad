import ArgumentParser

@main
struct Rectify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rectify",
        abstract: "Publishes the progress of rectification work as a static website.",
        subcommands: [BuildCommand.self, CheckCommand.self, RenderWorkerCommand.self],
        defaultSubcommand: BuildCommand.self)
}

import Foundation

/// Finding a helper program (Chromium, WeasyPrint, Pagefind): the path in an environment
/// variable when it is set, else the first of `names` on the PATH.
enum ExternalProgram {
    /// Nil when the override names no executable file, or none of `names` is on the PATH.
    static func find(override variable: String, names: [String]) -> URL? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment[variable], !explicit.isEmpty {
            return FileManager.default.isExecutableFile(atPath: explicit) ? URL(fileURLWithPath: explicit) : nil
        }
        return onPath(names)
    }

    /// The first of `names` found in a folder of the PATH.
    static func onPath(_ names: [String]) -> URL? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for name in names {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return URL(fileURLWithPath: "\(folder)/\(name)")
            }
        }
        return nil
    }
}

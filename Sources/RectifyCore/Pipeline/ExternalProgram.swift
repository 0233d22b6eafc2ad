import Foundation
import RectifySystem

/// Finding a helper program (Chromium, WeasyPrint, Pagefind): the path in an environment
/// variable when it is set, else the first of `names` on the PATH.
enum ExternalProgram {
    /// Nil when the override names no executable file, or none of `names` is on the PATH.
    static func find(override variable: String, names: [String]) -> URL? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment[variable], !explicit.isEmpty {
            return FileManager.default.isExecutableFile(atPath: explicit) ? URL(fileURLWithPath: explicit) : nil
        }
        return HelperProcess.onPath(names)
    }
}

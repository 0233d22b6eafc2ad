/// Checks that a relative output path stays inside the output folder:
/// no absolute path, no `.` or `..` segment, no empty segment, no NUL or backslash.
enum OutputPath {
    static func isSafe(_ relative: String) -> Bool {
        guard !relative.isEmpty, !relative.hasPrefix("/"), !relative.contains("\0"), !relative.contains("\\") else { return false }
        return relative.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { segment in
            !segment.isEmpty && segment != "." && segment != ".."
        }
    }
}

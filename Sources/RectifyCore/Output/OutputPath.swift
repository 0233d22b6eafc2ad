/// Checks that a relative output path stays inside the output folder:
/// no absolute path, no `.` or `..` segment, no empty segment, no NUL or backslash.
enum OutputPath {
    static func isSafe(_ relative: String) -> Bool {
        // A byte scan (this runs once per file written): every segment between slashes must
        // be non-empty and neither `.` nor `..`; no NUL, no backslash, no leading slash.
        var segmentLength = 0, dots = 0
        for byte in relative.utf8 {
            switch byte {
            case 0, UInt8(ascii: "\\"): return false
            case UInt8(ascii: "/"):
                guard segmentLength > 0, dots != segmentLength || dots > 2 else { return false }
                segmentLength = 0
                dots = 0
            default:
                segmentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return segmentLength > 0 && (dots != segmentLength || dots > 2)
    }

    /// Why a copy to `relative` was refused: the build already wrote a file there.
    static func collision(_ relative: String) -> String {
        "would be published as \(relative), which the build already wrote (two outputs at one path); rename the file"
    }
}

/// IDs and keys become folder names in the output, so they are plain ASCII:
/// letters, digits, `.`, `_` and `-`, not starting with a dot (no `.`, `..` or hidden names).
enum Identifier {
    static let rule = "letters, digits, \".\", \"_\" and \"-\", not starting with \".\""

    static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first != ".", text.utf8.count <= 100 else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", ".", "_", "-": return true
            default: return false
            }
        }
    }
}

/// IDs and keys become folder names in the output, which intranets copy to Windows and
/// macOS file shares. So they are plain ASCII (letters, digits, `.`, `_`, `-`), at most
/// 100 characters, do not start or end with a dot, are not a name Windows reserves for a
/// device (`con`, `nul`, `com1`…), and two of them never differ only by case.
enum Identifier {
    static let maximumLength = 100
    static let rule = "ASCII letters, digits, \".\", \"_\" and \"-\" (no Chinese characters or spaces, since it becomes a folder name in the web address)"

    /// Names Windows keeps for devices, with or without an extension.
    static let reservedNames = Set(["con", "prn", "aux", "nul"])
        .union((1...9).map { "com\($0)" }).union((1...9).map { "lpt\($0)" })

    static func isValid(_ text: String) -> Bool { problem(text) == nil }

    /// Whether the text has a character other than the allowed ASCII ones (Chinese, spaces…).
    static func isNotASCII(_ text: String) -> Bool { !text.unicodeScalars.allSatisfy(isAllowed) }

    /// Why `text` cannot be an ID or key (to follow "id \"…\" "), or nil.
    static func problem(_ text: String) -> String? {
        guard !text.isEmpty else { return "is empty" }
        guard text.unicodeScalars.allSatisfy(isAllowed) else { return "must use only \(rule)" }
        if text.utf8.count > maximumLength { return "is \(text.utf8.count) characters long; it may have at most \(maximumLength)" }
        if text.hasPrefix(".") { return "must not start with \".\" (such folders are hidden)" }
        if text.hasSuffix(".") { return "must not end with \".\" (Windows drops a trailing dot from folder names)" }
        let base = String(text.lowercased().split(separator: ".", omittingEmptySubsequences: false).first ?? "")
        if reservedNames.contains(base) {
            return "is a name Windows reserves for a device (\(base)); a folder of that name cannot be copied to a Windows file share, so choose another"
        }
        return nil
    }

    /// Why Windows cannot hold a file or folder of this name (any language), or nil: a device
    /// name with or without an extension, a trailing dot or space, a character Windows
    /// forbids. Files people add are named in Chinese; only what a share refuses is refused.
    static func windowsProblem(_ name: String) -> String? {
        let base = String(name.lowercased().split(separator: ".", omittingEmptySubsequences: false).first ?? "")
            .trimmingCharacters(in: .whitespaces)
        if reservedNames.contains(base) { return "device" }
        if name.hasSuffix(".") || name.hasSuffix(" ") { return "trailing" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || "<>:\"|?*".unicodeScalars.contains($0) }) { return "character" }
        return nil
    }

    /// The form under which two IDs collide on a file share that ignores case.
    static func folded(_ text: String) -> String { text.lowercased() }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", ".", "_", "-": return true
        default: return false
        }
    }
}

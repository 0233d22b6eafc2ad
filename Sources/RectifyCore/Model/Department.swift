/// A responsible unit (责任单位), published at `departments/<key>/`.
///
/// Department names are free text (usually Chinese), so the folder name is a key: the one
/// given in `site.yml` under `departments`, or else `d` and 8 hex digits of the name's
/// FNV-1a hash, which is ASCII and the same in every build.
public struct Department: Sendable, Equatable {
    public let key: String
    public let name: String

    public init(key: String, name: String) {
        self.key = key
        self.name = name
    }

    public static func derivedKey(for name: String) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in name.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        let hex = String(hash, radix: 16)
        return "d" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}

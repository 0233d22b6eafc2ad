/// The items' Markdown bodies, handed out a chunk at a time and forgotten once handed out,
/// so only the chunk being rendered is in memory.
final class ItemMarkdown {
    private var bodies: [String]

    init(_ bodies: [String]) { self.bodies = bodies }

    /// The bodies of `range`, which are then dropped here.
    func take(_ range: Range<Int>) -> [String] {
        let taken = Array(bodies[range])
        for index in range { bodies[index] = "" }
        return taken
    }
}

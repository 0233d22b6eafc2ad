import RectifyFrontMatter
import RectifySystem
import Synchronization

/// The items' Markdown bodies, handed out a chunk at a time.
///
/// A build does not hold them: loading notes where each body sits in its file, and the
/// bodies of a chunk are read again when the chunk is rendered (10,000 bodies are 40 MB,
/// most of a build's memory otherwise, since freed small strings are not given back to the
/// system). Bodies given as text (`serve` reloading one file, tests) are held, and let go
/// of once handed out. A class, so that no copy of the loaded site keeps them alive.
public final class ItemBodies: Sendable {
    /// Where a body sits in its file, as loading read it.
    public struct Place: Sendable {
        /// The path loading read.
        let path: String
        /// A hash of the file's text (`MarkdownDocument.fingerprint`), and the body's place in
        /// it, in UTF-8 bytes.
        let fingerprint: Int
        let offset: Int
        let length: Int
        let firstLine: Int
        /// File line ranges left out (the public edition's internal sections).
        var leftOut: [ClosedRange<Int>] = []
    }

    private enum Body: Sendable {
        case text(String)
        case file(Place)
    }

    private let bodies: Mutex<[Body]>

    init(_ texts: [String]) { bodies = Mutex(texts.map(Body.text)) }

    init(places: [Place]) { bodies = Mutex(places.map(Body.file)) }

    /// The bodies that remain after `keep`, each given its item's position here and the file
    /// line ranges to leave out of it: the public edition's bodies, before any is handed out.
    func kept(_ keep: [(index: Int, leaveOut: [ClosedRange<Int>], firstLine: Int)]) -> ItemBodies {
        let all = bodies.withLock { $0 }
        return ItemBodies(bodies: keep.map { index, leaveOut, firstLine in
            switch all[index] {
            case .text(let text):
                return .text(leaveOut.isEmpty ? text : InternalSections.strip(leaveOut, from: text, firstLine: firstLine))
            case .file(var place):
                place.leftOut += leaveOut
                return .file(place)
            }
        })
    }

    private init(bodies: [Body]) { self.bodies = Mutex(bodies) }

    /// The bodies of `range`, which are then dropped here; read from their files on all
    /// cores. A file that cannot be read again, or whose bytes are not exactly those loaded
    /// (it was edited during the build), is a failure: its page would not match its front
    /// matter, and the public edition's internal sections were found in the loaded bytes.
    package func take(_ range: Range<Int>, serial: Bool = false) -> [Result<String, ChangedDuringBuild>] {
        let taken: [Body] = bodies.withLock { bodies in
            let taken = Array(bodies[range])
            for index in range { bodies[index] = .text("") }
            return taken
        }
        return parallelMap(taken.count, serial: serial) { index in
            switch taken[index] {
            case .text(let text): return .success(text)
            case .file(let place): return Self.read(place)
            }
        }
    }

    private static func read(_ place: Place) -> Result<String, ChangedDuringBuild> {
        guard case .success(let bytes) = FileBytes.read(place.path, limit: ContentLoader.maximumFileSize),
              let text = try? SourceText.decode(bytes), MarkdownDocument.fingerprint(text) == place.fingerprint else {
            return .failure(ChangedDuringBuild())
        }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: place.offset)
        let body = String(text[start..<utf8.index(start, offsetBy: place.length)])
        return .success(place.leftOut.isEmpty ? body : InternalSections.strip(place.leftOut, from: body, firstLine: place.firstLine))
    }
}

/// A content file that changed, or went, between loading and rendering.
public struct ChangedDuringBuild: Error {}

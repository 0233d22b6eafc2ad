/// A free page: a file `content/pages/<name>.md`, published at `pages/<name>/`.
public struct Page: Sendable {
    public let name: String
    public let title: String
    /// Pages are listed by this number, then by name.
    public let weight: Int
    public let source: SourceFile
    /// Parts of the body marked `<!-- internal -->` … `<!-- /internal -->`, as file lines:
    /// left out of the public edition.
    public var internalSections: [ClosedRange<Int>] = []
}

import Foundation
import Testing

/// The CI recipes name a Swift image that can build the package: its version is at least
/// the highest `swift-tools-version` among the packages the build checked out. (The recipes
/// once named `swift:6.1-bookworm`, and hummingbird 2.28.1 asks for 6.2: the first
/// `swift build` in CI failed.)
@Suite struct RecipeVersionTests {
    /// `// swift-tools-version:6.2` → [6, 2].
    static func toolsVersion(_ manifest: String) -> [Int]? {
        guard let first = manifest.split(separator: "\n", maxSplits: 1).first, first.hasPrefix("//"),
              let colon = first.firstIndex(of: ":") else { return nil }
        let version = first[first.index(after: colon)...].trimmingCharacters(in: .whitespaces).prefix { $0.isNumber || $0 == "." }
        let parts = version.split(separator: ".").compactMap { Int($0) }
        return parts.isEmpty ? nil : parts
    }

    /// The Swift version of each `swift:X.Y…` image a recipe names.
    static func images(in recipe: String) -> [[Int]] {
        recipe.split(separator: "\n").compactMap { line -> [Int]? in
            guard !line.trimmingCharacters(in: .whitespaces).hasPrefix("#"), let range = line.range(of: "swift:") else { return nil }
            let tag = line[range.upperBound...].prefix { $0.isNumber || $0 == "." }
            let parts = tag.split(separator: ".").compactMap { Int($0) }
            return parts.isEmpty ? nil : parts
        }
    }

    @Test func everyRecipeNamesASwiftAtLeastAsNewAsEveryPackageNeeds() throws {
        let checkouts = Rectify.repository.appending(path: ".build/checkouts")
        let packages = try FileManager.default.contentsOfDirectory(atPath: checkouts.path)
        var needed: (version: [Int], by: String) = ([6, 0], "Package.swift")
        for manifest in [Rectify.repository.appending(path: "Package.swift")] + packages.map({ checkouts.appending(path: "\($0)/Package.swift") }) {
            guard let text = try? String(contentsOf: manifest, encoding: .utf8), let version = Self.toolsVersion(text) else { continue }
            if version.lexicographicallyPrecedes(needed.version) == false && version != needed.version {
                needed = (version, manifest.deletingLastPathComponent().lastPathComponent)
            }
        }
        #expect(packages.count >= 5, "the build's checkouts are there: \(packages)")
        #expect(needed.version.count >= 2)
        for recipe in ["deploy/gitlab-ci.yml", "deploy/github-actions.yml"] {
            let text = try String(contentsOf: Rectify.repository.appending(path: recipe), encoding: .utf8)
            let images = Self.images(in: text)
            #expect(!images.isEmpty, "\(recipe) names no swift image")
            for image in images {
                #expect(!image.lexicographicallyPrecedes(needed.version),
                        "\(recipe) names Swift \(image.map(String.init).joined(separator: ".")), but \(needed.by) needs swift-tools-version \(needed.version.map(String.init).joined(separator: "."))")
            }
        }
    }

    /// The check itself: a recipe naming swift:6.1 is caught.
    @Test func aRecipeNamingSwift61IsCaught() {
        let images = Self.images(in: "rectify:\n  image: swift:6.1-bookworm\n")
        #expect(images == [[6, 1]])
        #expect(images[0].lexicographicallyPrecedes(Self.toolsVersion("// swift-tools-version:6.2\nimport PackageDescription")!))
    }

    /// Every dependency is pinned to one version: Package.resolved cannot be kept in git.
    @Test func everyDependencyIsPinnedExactly() throws {
        let manifest = try String(contentsOf: Rectify.repository.appending(path: "Package.swift"), encoding: .utf8)
        let lines = manifest.split(separator: "\n").filter { $0.contains(".package(url:") }
        #expect(!lines.isEmpty)
        for line in lines { #expect(line.contains("exact:"), "not pinned: \(line)") }
        #expect(!manifest.contains("from:") && !manifest.contains("upToNextMinor") && !manifest.contains("branch:"))
    }
}

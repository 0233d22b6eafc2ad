import Foundation
import Testing
import RectifyCore

/// Random bytes as front matter and as file names never crash the loader: each file is
/// either accepted or rejected with a message naming it.
@Suite struct LoaderFuzzTests {
    func load(_ site: TestSite) -> Result<Int, RectifyError> {
        let loader = ContentLoader(directory: site.content, displayRoot: "content", languages: ["en", "zh-CN"])
        do {
            return .success(try loader.load().0.items.count)
        } catch {
            return .failure(error)
        }
    }

    @Test func randomFrontMatterIsAcceptedOrRejectedWithAMessage() throws {
        var generator = SeededGenerator(seed: 7)
        let site = try TestSite(fixture: "small-site")
        let pieces = ["id: ", "title: ", "status: ", "deadline: ", "updates:\n  - ", "- ", ": ", "\"", "'", "{", "[", "&a ", "*a ", "!!binary ",
                      "---\n", "\n", "  ", "\t", "2026-01-01", "\u{FEFF}", "中文", "%YAML 1.1\n", "? ", "|\n", ">\n", "#"]
        var rejected = 0
        for round in 0..<300 {
            var bytes: [UInt8] = Array("---\n".utf8)
            for _ in 0..<Int.random(in: 1...40, using: &generator) {
                if Bool.random(using: &generator) {
                    bytes += Array(pieces.randomElement(using: &generator)!.utf8)
                } else {
                    bytes.append(UInt8.random(in: 0...255, using: &generator))
                }
            }
            if Bool.random(using: &generator) { bytes += Array("\n---\nbody\n".utf8) }
            try site.write("items/fuzz.md", Data(bytes))
            switch load(site) {
            case .success(let count):
                #expect(count == 5, "round \(round): an accepted file is one more item")
            case .failure(.invalidContent(let diagnostics)):
                rejected += 1
                #expect(diagnostics.contains { $0.file == "content/items/fuzz.md" && $0.severity == .error }, "round \(round): \(diagnostics)")
            case .failure(let other):
                Issue.record("round \(round): unexpected \(other)")
            }
        }
        #expect(rejected > 250)
    }

    @Test func randomFileNamesAreAcceptedOrRejectedWithAMessage() throws {
        var generator = SeededGenerator(seed: 11)
        for round in 0..<100 {
            let site = try TestSite(fixture: "small-site")
            var name = ""
            for _ in 0..<Int.random(in: 1...20, using: &generator) {
                let scalar = UInt32.random(in: 1...0x2FFF, using: &generator)
                if let character = Unicode.Scalar(scalar), character != "/", character != "\0" { name.unicodeScalars.append(character) }
            }
            if name.isEmpty || name == "." || name == ".." { continue }
            let page = name + ".md"
            guard (try? site.write("pages/\(page)", "---\ntitle: 随机\n---\n正文\n")) != nil else { continue }
            switch load(site) {
            case .success:
                break
            case .failure(.invalidContent(let diagnostics)):
                #expect(diagnostics.allSatisfy { $0.file.utf8.starts(with: "content/pages/".utf8) }, "round \(round): \(diagnostics.map(\.description))")
            case .failure(let other):
                Issue.record("round \(round): unexpected \(other)")
            }
        }
    }
}

/// Nothing written outside the output, nothing read from outside the content.
@Suite struct PathSafetyTests {
    @Test func symbolicLinksLeadingOutsideTheContentAreNotFollowed() throws {
        let site = try TestSite(fixture: "small-site")
        try FileManager.default.createSymbolicLink(atPath: site.content.appending(path: "files/passwd").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: site.content.appending(path: "items/outside.md").path, withDestinationPath: "/etc/hostname")
        #expect(try site.buildErrors() == [
            "content/files/passwd: symbolic link leads outside the content folder; it is not followed",
            "content/items/outside.md: symbolic link leads outside the content folder; it is not followed",
        ])
    }

    @Test func symbolicLinksInsideTheContentAreFollowed() throws {
        let site = try TestSite(fixture: "small-site")
        try FileManager.default.createSymbolicLink(atPath: site.content.appending(path: "files/plan-link.txt").path, withDestinationPath: "plan.txt")
        try site.build()
        #expect(try site.page("files/plan-link.txt") == site.page("files/plan.txt"))
    }
}

struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

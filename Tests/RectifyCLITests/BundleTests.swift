import Foundation
import Testing

/// The offline bundle (`make dist`, which `make test` runs first) unpacked into a temporary
/// folder and run with the Swift toolchain, the package's build folders and Python's
/// Pagefind hidden under tmpfs mounts, in an empty network namespace: it builds the sample
/// with search, and its pages equal a normal build's byte for byte outside `pagefind/`.
/// (`make dist-check` also runs it in a debootstrap Debian 12 root.)
@Suite struct BundleTests {
    static let archive: URL? = {
        let folder = Rectify.repository.appending(path: "dist")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix("rectify-") && $0.hasSuffix("-linux-x86_64.tar.gz") }.sorted().last.map { folder.appending(path: $0) }
    }()

    /// Mount and network namespaces need root; `make test` in CI runs as root.
    static var runnable: Bool {
        let ready = archive != nil && geteuid() == 0 && Tool.available("unshare", "ip")
        if !ready && ProcessInfo.processInfo.environment["RECTIFY_REQUIRE_TOOLS"] == "1" && geteuid() == 0 {
            Issue.record("the bundle test needs dist/rectify-*-linux-x86_64.tar.gz (make dist), unshare and ip")
        }
        return ready
    }

    @Test(.enabled(if: runnable))
    func theUnpackedBundleBuildsTheSampleWithNoSwiftAndNoNetwork() async throws {
        let result = try await Tool.run(Rectify.repository.appending(path: "scripts/dist-check.sh").path, ["--no-chroot"], in: Rectify.repository)
        #expect(result.status == 0, "\(result.output.suffix(3000))")
        #expect(result.output.contains("dist-check 1/2"), "\(result.output.suffix(3000))")
    }
}

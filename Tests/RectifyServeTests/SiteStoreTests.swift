import Foundation
import Testing
import RectifyServe

/// The preview server's store: snapshots are swapped whole, versions never repeat, and a
/// fast-path page never overwrites a newer full build.
@Suite struct SiteStoreTests {
    @Test func aFastPathPatchAfterANewerFullBuildIsDropped() {
        let store = SiteStore()
        store.publishBuild(["items/1/index.html": Data("old".utf8), "index.html": Data("home 1".utf8)], refresh: nil)
        let basedOn = store.current.snapshot.build
        // A full build lands while the fast path renders its page from the older build.
        store.publishBuild(["items/1/index.html": Data("new".utf8), "index.html": Data("home 2".utf8)], refresh: nil)
        #expect(!store.patch(["items/1/index.html": Data("fast".utf8)], ifBuildIs: basedOn))
        #expect(store.current.snapshot.files["items/1/index.html"] == Data("new".utf8))
        #expect(store.current.snapshot.files["index.html"] == Data("home 2".utf8))
    }

    @Test func aFastPathPatchOnTheCurrentBuildReplacesOnlyItsPages() {
        let store = SiteStore()
        store.publishBuild(["items/1/index.html": Data("old".utf8), "index.html": Data("home".utf8)], refresh: nil)
        #expect(store.patch(["items/1/index.html": Data("fast".utf8)], ifBuildIs: store.current.snapshot.build))
        #expect(store.current.snapshot.files["items/1/index.html"] == Data("fast".utf8))
        #expect(store.current.snapshot.files["index.html"] == Data("home".utf8))
    }

    @Test func versionsNeverRepeatUnderConcurrentPublishing() async {
        let store = SiteStore()
        let versions = await withTaskGroup(of: [Int].self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var seen: [Int] = []
                    for round in 0..<200 {
                        if (worker + round) % 3 == 0 {
                            store.publishBuild(["index.html": Data("\(worker)-\(round)".utf8)], refresh: nil)
                        } else {
                            _ = store.patch(["page.html": Data("\(worker)".utf8)], ifBuildIs: store.current.snapshot.build)
                        }
                        seen.append(store.current.snapshot.version)
                    }
                    return seen
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(store.current.snapshot.version >= 8 * 200 / 3)
        #expect(versions.allSatisfy { $0 <= store.current.snapshot.version })
    }
}

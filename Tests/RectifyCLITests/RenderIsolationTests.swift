import Foundation
import Testing
import RectifyMarkdown

/// Rendering in worker processes: a worker that crashes or hangs costs one document,
/// never the build, and the pool goes on with fresh workers.
@Suite struct RenderIsolationTests {
    @Test func workersRenderLikeTheInProcessRenderer() async throws {
        let pool = ProcessRenderPool(command: Rectify.executable, workerCount: 2)
        let documents = (1...50).map { "# 第\($0)项\n\n~~旧~~ **新** www.example.com/\($0)\n\n- [x] 完成\n\n[附件](../../files/\($0).pdf)" }
        let results = pool.render(documents)
        let local = MarkdownRenderer()
        for (document, result) in zip(documents, results) {
            #expect(try result.get() == local.renderDocument(document))
        }
        #expect(try results[4].get().links == [.init(url: "http://www.example.com/5", line: 3), .init(url: "../../files/5.pdf", line: 7)])
    }

    @Test func aCrashingWorkerBecomesOneFailure() async {
        // A stand-in worker that dies of SIGSEGV as soon as it reads a request.
        let pool = ProcessRenderPool(command: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "head -c 1 >/dev/null; kill -SEGV $$"], workerCount: 1)
        let results = pool.render(["a", "b"])
        #expect(results == [.failure(.crashed(reason: "signal 11")), .failure(.crashed(reason: "signal 11"))])
    }

    @Test func aHangingWorkerIsKilledAtTheTimeLimit() async {
        let pool = ProcessRenderPool(command: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "exec sleep 600"], workerCount: 1, limits: RenderLimits(timeout: 0.3))
        let started = ContinuousClock.now
        let results = pool.render(["a", "b", "c"])
        #expect(results == Array(repeating: .failure(.timedOut(seconds: 0.3)), count: 3))
        #expect(ContinuousClock.now - started < .seconds(30), "three timeouts of 0.3 s must not take long")
    }

    @Test func aFailedDocumentDoesNotStopTheOthers() async throws {
        let pool = ProcessRenderPool(command: Rectify.executable, workerCount: 2, limits: RenderLimits(timeout: 2))
        let huge = String(repeating: "a", count: RenderLimits.maximumInputBytes + 1)
        let results = pool.render(["前", huge, "后"])
        #expect(try results[0].get().html == "<p>前</p>\n")
        #expect(results[1] == .failure(.inputTooLarge(bytes: huge.utf8.count)))
        #expect(try results[2].get().html == "<p>后</p>\n")
    }

    @Test func outputOverTwentyTimesTheInputIsAFailure() async {
        // Each `|` cell of a wide header expands to a <th> in every body row.
        let columns = 1000
        let table = "|" + String(repeating: "a|", count: columns) + "\n|" + String(repeating: "-|", count: columns) + "\n" + String(repeating: "|x\n", count: 100)
        let result = MarkdownRenderer().render([table])[0]
        guard case .failure(.outputTooLarge(let input, let output)) = result else {
            Issue.record("expected outputTooLarge, got \(result)")
            return
        }
        #expect(input == table.utf8.count && output > 20 * input)
    }
}

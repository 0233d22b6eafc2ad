import Foundation
import Testing
import RectifyMarkdown

/// One case per Markdown feature, against the exact HTML cmark-gfm gives.
@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func tables() {
        #expect(renderer.render("| 措施 | 进度 |\n|---|:-:|\n| 计划 | 50% |\n") == """
            <table>
            <thead>
            <tr>
            <th>措施</th>
            <th align="center">进度</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>计划</td>
            <td align="center">50%</td>
            </tr>
            </tbody>
            </table>

            """)
    }

    @Test func taskLists() {
        #expect(renderer.render("- [x] 已完成\n- [ ] 未完成\n") == """
            <ul>
            <li><input type="checkbox" checked="" disabled="" /> 已完成</li>
            <li><input type="checkbox" disabled="" /> 未完成</li>
            </ul>

            """)
    }

    @Test func strikethrough() {
        #expect(renderer.render("~~旧办法~~新办法") == "<p><del>旧办法</del>新办法</p>\n")
    }

    @Test func autolinks() {
        #expect(renderer.render("见 www.example.org 和 https://example.org/a?b=1 。")
            == "<p>见 <a href=\"http://www.example.org\">www.example.org</a> 和 <a href=\"https://example.org/a?b=1\">https://example.org/a?b=1</a> 。</p>\n")
    }

    @Test func rawHTMLIsOmitted() {
        #expect(renderer.render("<script>alert(1)</script>\n") == "<!-- raw HTML omitted -->\n")
        #expect(renderer.render("文字<img src=x onerror=alert(1)>文字") == "<p>文字<!-- raw HTML omitted -->文字</p>\n")
    }

    @Test func dangerousLinksAreEmptied() {
        #expect(renderer.render("[点我](javascript:alert(1))") == "<p><a href=\"\">点我</a></p>\n")
        #expect(renderer.render("![图](vbscript:msgbox)") == "<p><img src=\"\" alt=\"图\" /></p>\n")
    }

    @Test func linkTextAndTitlesAreEscaped() {
        #expect(renderer.render("[\"引号\" & 符号](a.html \"标\\\"题\")")
            == "<p><a href=\"a.html\" title=\"标&quot;题\">&quot;引号&quot; &amp; 符号</a></p>\n")
    }

    @Test func headingsAndEmphasisInChinese() {
        #expect(renderer.render("## 整改措施\n\n**加强**学习。") == "<h2 id=\"整改措施\">整改措施</h2>\n<p><strong>加强</strong>学习。</p>\n")
    }

    @Test func headingsGetAnchorsLikeGitHub() {
        #expect(renderer.render("# （一）抓思想 学习\n\n## Step `two`!\n\n## Step two\n\n```\n<h2>不是标题</h2>\n```\n")
            == "<h1 id=\"一抓思想-学习\">（一）抓思想 学习</h1>\n<h2 id=\"step-two\">Step <code>two</code>!</h2>\n<h2 id=\"step-two-1\">Step two</h2>\n<pre><code>&lt;h2&gt;不是标题&lt;/h2&gt;\n</code></pre>\n")
    }

    @Test func linksAreReportedWithTheirLines() {
        let rendered = renderer.renderDocument("第一段 [甲](a.html)\n\n- 列表\n- 项 ![图](img/b.png)\n")
        #expect(rendered.links == [.init(url: "a.html", line: 1), .init(url: "img/b.png", line: 4)])
    }

    /// The C library is not thread-safe; the renderer serialises calls, so renders from
    /// many threads at once give exactly the serial result.
    @Test func concurrentRendersMatchSerialOutput() async {
        let inputs = (0..<200).map { "~~删除~~ 第\($0)项 www.example.com/\($0)\n\n| a | b |\n|---|---|\n| \($0) | ~~x~~ |\n\n- [x] 完成" }
        let renderer = self.renderer
        let expected = inputs.map { renderer.render($0) }
        let results = await withTaskGroup(of: (Int, String).self) { group in
            for (index, input) in inputs.enumerated() {
                group.addTask { (index, renderer.render(input)) }
            }
            var results = Array(repeating: "", count: inputs.count)
            for await (index, html) in group { results[index] = html }
            return results
        }
        #expect(results == expected)
        #expect(expected.allSatisfy { $0.contains("<del>删除</del>") && $0.contains("<del>x</del>") })
    }

    /// A worker that announces a 4 GiB answer is reported as broken; nothing that size is
    /// allocated or awaited.
    @Test func aWorkerAnnouncingAnImpossibleLengthIsBroken() {
        let pool = ProcessRenderPool(command: URL(fileURLWithPath: "/bin/sh"),
                                     arguments: ["-c", "printf '\\360\\377\\377\\377'; sleep 30"],
                                     workerCount: 1, limits: RenderLimits(timeout: 20))
        let results = pool.render(["# 标题"])
        guard case .failure(.brokenWorker(let reason)) = results[0] else {
            Issue.record("expected a broken worker, got \(results[0])")
            return
        }
        #expect(reason.contains("4294967280-byte answer"))
    }
}

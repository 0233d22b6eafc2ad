#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The loop of a render worker process (`rectify render-worker`): reads Markdown
/// requests on standard input and answers each with its HTML and links on standard
/// output, until standard input closes. It holds the only cmark-gfm state of its
/// process, so a crash or a hang in the C library stays inside it.
public enum RenderWorker {
    public static func serve(input: Int32 = 0, output: Int32 = 1) {
        signal(SIGPIPE, SIG_DFL)
        let renderer = MarkdownRenderer()
        while let header = Descriptor.readExactly(input, 4) {
            let length = Int(WorkerProtocol.uint32(header[...]))
            guard length <= RenderLimits.maximumInputBytes else { return }
            guard let body = Descriptor.readExactly(input, length) else { return }
            let rendered = body.withUnsafeBufferPointer { renderer.renderBytes($0) }
            let response = WorkerProtocol.encodeResponse(html: rendered.html, links: rendered.links)
            guard Descriptor.writeAll(output, response) else { return }
        }
    }
}

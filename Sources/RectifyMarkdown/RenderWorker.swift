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
            guard let body = Descriptor.readExactly(input, length) else { return }
            let markdown = String(decoding: body, as: UTF8.self)
            let response = WorkerProtocol.encodeResponse(renderer.renderDocument(markdown))
            guard Descriptor.writeAll(output, response) else { return }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The frames a render worker and its parent exchange over pipes, little-endian:
///
/// - request: `u32 length`, then that many bytes of Markdown;
/// - response: `u32 length` + HTML, `u32 count`, then per link `u32 line`, `u32 length` + URL.
enum WorkerProtocol {
    static func encodeRequest(_ markdown: String) -> [UInt8] {
        var frame: [UInt8] = []
        let bytes = Array(markdown.utf8)
        append(UInt32(bytes.count), to: &frame)
        frame += bytes
        return frame
    }

    /// The response: its length (so the reader takes it in one piece), the HTML, then the
    /// links, each with its source line.
    static func encodeResponse(html: [UInt8], links: [RenderedMarkdown.Link]) -> [UInt8] {
        var frame: [UInt8] = [0, 0, 0, 0]
        frame.reserveCapacity(html.count + 64)
        append(UInt32(html.count), to: &frame)
        frame += html
        append(UInt32(links.count), to: &frame)
        for link in links {
            let url = Array(link.url.utf8)
            append(UInt32(link.line), to: &frame)
            append(UInt32(url.count), to: &frame)
            frame += url
        }
        withUnsafeBytes(of: UInt32(frame.count - 4).littleEndian) { length in
            for index in 0..<4 { frame[index] = length[index] }
        }
        return frame
    }

    /// Reads a response body (the bytes after its length).
    static func decodeResponse(_ body: [UInt8]) -> RenderedMarkdown? {
        var offset = 0
        func number() -> Int? {
            guard offset + 4 <= body.count else { return nil }
            defer { offset += 4 }
            return Int(uint32(body[offset..<offset + 4]))
        }
        func text(_ length: Int) -> String? {
            guard length >= 0, offset + length <= body.count else { return nil }
            defer { offset += length }
            return String(decoding: body[offset..<offset + length], as: UTF8.self)
        }
        guard let htmlLength = number(), let html = text(htmlLength), let count = number() else { return nil }
        var links: [RenderedMarkdown.Link] = []
        for _ in 0..<count {
            guard let line = number(), let length = number(), let url = text(length) else { return nil }
            links.append(.init(url: url, line: line))
        }
        return offset == body.count ? RenderedMarkdown(html: html, links: links) : nil
    }

    static func append(_ value: UInt32, to frame: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { frame += $0 }
    }

    static func uint32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }
}

/// Blocking reads and writes on a file descriptor, retried on EINTR.
enum Descriptor {
    /// Writes every byte; false if the other end is gone.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// Reads exactly `count` bytes; nil at end of file or on error.
    static func readExactly(_ fd: Int32, _ count: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let got = buffer[offset...].withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { return nil }
            offset += got
        }
        return buffer
    }
}

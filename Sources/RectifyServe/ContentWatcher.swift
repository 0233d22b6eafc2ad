import Foundation
import RectifySystem
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Tells `serve` when files under the content or theme folder change, and which.
///
/// On Linux it listens to inotify, so an edit is seen within milliseconds, without reading
/// thousands of file dates over and over; every folder is watched, and new folders as they
/// appear. Elsewhere, or if inotify cannot be set up, it compares the folders' listings
/// every 200 ms.
final class ContentWatcher: @unchecked Sendable {
    /// Files that changed, as paths relative to their watched folder, with that folder.
    struct Change: Sendable {
        var paths: [(folder: URL, relative: String)] = []
    }

    let folders: [URL]
    let interval: Duration

    init(folders: [URL], interval: Duration = .milliseconds(200)) {
        self.folders = folders.map(\.standardizedFileURL)
        self.interval = interval
    }

    /// The changes, as they happen. The watching runs on a thread of its own (it waits in
    /// system calls) and stops when the stream's consumer goes away.
    func changes() -> AsyncStream<Change> {
        let (stream, continuation) = AsyncStream.makeStream(of: Change.self)
        let stopped = Flag()
        continuation.onTermination = { _ in stopped.set() }
        let thread = Thread { [self] in
            let deliver: (Change) -> Void = { continuation.yield($0) }
            #if canImport(Glibc)
            if let notifier = Notifier(folders: folders) {
                notifier.watch(until: stopped, deliver)
                return
            }
            #endif
            poll(until: stopped, deliver)
        }
        thread.start()
        return stream
    }

    /// Every file's size and modification time, by path.
    func fingerprint() -> [String: String] {
        var result: [String: String] = [:]
        for folder in folders {
            for entry in FolderWalk.entries(under: folder.path, skipHidden: false).entries {
                result[entry.path] = "\(entry.status.st_size)@\(entry.status.st_mtim.tv_sec).\(entry.status.st_mtim.tv_nsec)"
            }
        }
        return result
    }

    private func poll(until stopped: Flag, _ changed: (Change) -> Void) {
        var last = fingerprint()
        while !stopped.isSet {
            Thread.sleep(forTimeInterval: Double(interval.components.attoseconds) / 1e18 + Double(interval.components.seconds))
            let now = fingerprint()
            if now != last {
                var change = Change()
                for path in Set(now.keys).union(last.keys).sorted() where now[path] != last[path] {
                    if let folder = folders.first(where: { path.hasPrefix($0.path + "/") }) {
                        change.paths.append((folder, String(path.dropFirst(folder.path.count + 1))))
                    }
                }
                last = now
                changed(change)
            }
        }
    }
}

/// A flag one thread sets and another reads.
final class Flag: Sendable {
    private let value = Mutex(false)
    var isSet: Bool { value.withLock { $0 } }
    func set() { value.withLock { $0 = true } }
}

#if canImport(Glibc)
/// inotify on every folder under the watched ones.
private final class Notifier: @unchecked Sendable {
    private let descriptor: Int32
    /// Watch descriptor → (watched root, folder path relative to it).
    private var watched: [Int32: (root: URL, relative: String)] = [:]
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB | IN_MODIFY)

    init?(folders: [URL]) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { return nil }
        for folder in folders {
            guard add(folder, "") else {
                close(descriptor)
                return nil
            }
        }
    }

    deinit { close(descriptor) }

    /// Watches `relative` under `root`, and every folder inside it.
    @discardableResult
    private func add(_ root: URL, _ relative: String) -> Bool {
        let path = relative.isEmpty ? root.path : root.path + "/" + relative
        let watch = inotify_add_watch(descriptor, path, Self.mask)
        guard watch >= 0 else { return false }
        watched[watch] = (root, relative)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        // Links are not followed, as `FolderWalk` does not follow them: two links to `.`
        // would make about 2^40 paths to watch.
        for name in names {
            var status = stat()
            if lstat(path + "/" + name, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                add(root, relative.isEmpty ? name : relative + "/" + name)
            }
        }
        return true
    }

    func watch(until stopped: Flag, _ changed: (ContentWatcher.Change) -> Void) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !stopped.isSet {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            // Short waits, so the thread notices the stop; no CPU while nothing happens.
            guard poll(&poller, 1, 100) > 0 else { continue }
            var change = ContentWatcher.Change()
            // An editor's save is often several events: collect them until 5 ms pass quietly.
            repeat {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                collect(buffer[..<count], into: &change)
                poller.revents = 0
            } while poll(&poller, 1, 5) > 0
            guard !change.paths.isEmpty else { continue }
            changed(change)
        }
    }

    private func collect(_ bytes: ArraySlice<UInt8>, into change: inout ContentWatcher.Change) {
        var offset = bytes.startIndex
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= bytes.endIndex {
            let (watch, mask, length) = bytes.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let event = raw.loadUnaligned(fromByteOffset: offset - bytes.startIndex, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            let nameBytes = bytes[(offset + header)..<min(bytes.endIndex, offset + header + length)].prefix { $0 != 0 }
            offset += header + length
            guard let folder = watched[watch] else { continue }
            let name = String(decoding: nameBytes, as: UTF8.self)
            let relative = name.isEmpty ? folder.relative : (folder.relative.isEmpty ? name : folder.relative + "/" + name)
            if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { add(folder.root, relative) }
            if !change.paths.contains(where: { $0.folder == folder.root && $0.relative == relative }) {
                change.paths.append((folder.root, relative))
            }
        }
    }
}
#endif

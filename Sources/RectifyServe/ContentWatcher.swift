import Foundation

/// Notices changes under some folders by polling: every `interval`, the paths, sizes and
/// modification times of all files are compared with the last look. Polling works the same
/// on every filesystem, network shares included, and costs little for a content folder.
final class ContentWatcher: @unchecked Sendable {
    let folders: [URL]
    let interval: Duration

    init(folders: [URL], interval: Duration = .milliseconds(200)) {
        self.folders = folders
        self.interval = interval
    }

    /// A fingerprint of every file: path, size and modification time.
    func fingerprint() -> [String: String] {
        var result: [String: String] = [:]
        for folder in folders {
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey])
            while let url = enumerator?.nextObject() as? URL {
                let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
                result[url.path] = "\(values?.fileSize ?? -1)@\(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)"
            }
        }
        return result
    }

    /// Calls `changed` (on this task) each time the files differ from the last look.
    func watch(_ changed: () async -> Void) async {
        var last = fingerprint()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let now = fingerprint()
            if now != last {
                last = now
                await changed()
            }
        }
    }
}

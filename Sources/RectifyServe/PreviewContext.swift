import Hummingbird
import NIOCore

/// What the preview server knows about a request besides the request itself: its
/// connection, so that a request whose body will not be read can close it.
struct PreviewContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

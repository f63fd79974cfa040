import BearmonCore
import BearmonWire
package import Foundation
package import Hummingbird
package import NIOCore


/// The request context of every bearmon node: Hummingbird's basics plus the peer's address,
/// which decides whether check definitions (which may hold secrets) may be sent in clear.
package struct NodeRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's per-request storage.
    package var coreContext: CoreRequestContextStorage
    /// The connected peer.
    package let remoteAddress: SocketAddress?
    /// The name of the API token that authorised the request (by bearer or session cookie),
    /// set by the access rule; nil when none did. Writes record it as their creator.
    package var tokenName: String?

    /// A context for a request on `source`'s channel.
    package init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Request bodies are read as bearmon's wire JSON (snake_case keys).
    package var requestDecoder: JSONDecoder { WireJSON.decoder }

    /// Requests larger than this are refused with 413, on every route (see ``BodyLimitMiddleware``).
    package var maxUploadSize: Int { RequestBodyLimit.bytes }

    /// The peer, for log lines about refusals.
    package var peerDescription: String { remoteAddress?.description ?? "unknown peer" }

    /// Whether the peer is on loopback (127.0.0.0/8 or ::1).
    package var peerIsLoopback: Bool {
        guard let ip = remoteAddress?.ipAddress else { return false }
        return ip.hasPrefix("127.") || ip == "::1" || ip.hasPrefix("::ffff:127.")
    }
}

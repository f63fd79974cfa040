import BearmonCore
import Foundation
import Synchronization

/// Checks node-to-node signatures in two steps, so that nothing is read from a peer that has
/// not shown the signature headers: ``admit(method:path:host:header:)`` checks everything but
/// the MAC before the body is read (the wire version, that the request names this node, the
/// timestamp's age, that the nonce is unused), and ``verify(_:body:)`` checks the MAC (in
/// constant time) once the body is in, and only then records the nonce. Each refusal says
/// why, for the log and the peer.
package final class SignatureVerifier: Sendable {
    /// How far a request's timestamp may be from this node's clock.
    package let maxSkew: Duration
    /// This node's name, which signs its replies.
    package let node: String
    /// The names a request may address this node by (lower case): see ``NodeConfig/recipientNames``.
    package let recipients: Set<String>
    let key: [UInt8]
    private let seen = Mutex<NonceCache>(NonceCache(limit: 200_000))

    /// A verifier for `password` on the node `node`, which answers to `recipients` (host:port
    /// names, and its node name).
    package init(password: String, node: String, recipients: [String], maxSkew: Duration = RequestSignature.maxSkew) {
        key = Array(password.utf8)
        self.node = node
        self.recipients = Set(recipients.map { $0.lowercased() })
        self.maxSkew = maxSkew
    }

    /// Why a request (or a reply) was refused.
    package enum Refusal: Error, CustomStringConvertible, Sendable {
        /// Unsigned, badly signed, stale or replayed.
        case unauthenticated(String)
        /// Signed for another recipient.
        case misdirected(String)
        /// The peer speaks wire version `peer` (1 when it sends no version).
        case version(peer: Int, sender: String)

        /// The reason, without anything secret.
        package var description: String {
            switch self {
            case .unauthenticated(let reason), .misdirected(let reason): reason
            case .version(let peer, let sender):
                "\(sender) speaks wire version \(peer), this node speaks wire version \(RequestSignature.wireVersion); run the same bearmon release on every node"
            }
        }
    }

    /// A request whose signature headers passed every check but the MAC: its body may be read.
    package struct Admitted: Sendable {
        let method: String
        let path: String
        let host: String
        let node: String
        let timestamp: Int64
        /// The request's nonce, which the reply's signature names.
        let nonce: String
        let mac: [UInt8]
    }

    /// Checks a request's signature headers, before its body is read.
    package func admit(method: String, path: String, host: String?, header: (String) -> String?) throws(Refusal) -> Admitted {
        guard let node = header(RequestSignature.Header.node), let stamp = header(RequestSignature.Header.timestamp),
              let nonce = header(RequestSignature.Header.nonce), let macText = header(RequestSignature.Header.signature) else {
            throw .unauthenticated("unsigned request (no \(RequestSignature.Header.signature) headers)")
        }
        let version = header(RequestSignature.Header.wire).flatMap { Int($0) } ?? 1
        guard version == RequestSignature.wireVersion else { throw .version(peer: version, sender: "node '\(node)'") }
        guard let host, recipients.contains(host.lowercased()) else {
            throw .misdirected("request from node '\(node)' is addressed to '\(host ?? "")', which is not this node; it answers to \(recipients.sorted().joined(separator: ", ")) (add the name peers use as [default] alias)")
        }
        guard let timestamp = Int64(stamp), let mac = [UInt8](hex: macText), mac.count == 32, nonce.count == 32, nonce.allSatisfy(\.isHexDigit) else {
            throw .unauthenticated("malformed signature headers from node '\(node)'")
        }
        let now = RequestSignature.unixMilliseconds()
        let skew = now.subtractingReportingOverflow(timestamp)
        guard !skew.overflow, skew.partialValue.magnitude <= maxSkew.inMilliseconds.magnitude else {
            let seconds = skew.overflow ? "far" : "\(skew.partialValue.magnitude / 1000)s"
            throw .unauthenticated("stale request from node '\(node)': its timestamp is \(seconds) away from this node's clock (limit \(maxSkew)); check NTP")
        }
        guard seen.withLock({ !$0.contains(nonce, now: now) }) else { throw .unauthenticated("replayed request from node '\(node)' (nonce already used)") }
        return Admitted(method: method, path: path, host: host, node: node, timestamp: timestamp, nonce: nonce, mac: mac)
    }

    /// Checks the MAC of an admitted request over its `body`, then records its nonce.
    package func verify(_ request: Admitted, body: [UInt8]) throws(Refusal) {
        let expected = HMACSHA256.mac(key: key, message: RequestSignature.canonical(
            method: request.method, path: request.path, host: request.host, timestamp: request.timestamp, nonce: request.nonce, node: request.node, body: body))
        guard HMACSHA256.equal(expected, request.mac) else {
            throw .unauthenticated("bad signature from node '\(request.node)': wrong password, or the request was altered")
        }
        let now = RequestSignature.unixMilliseconds()
        let fresh = seen.withLock { $0.insert(request.nonce, expires: now + 2 * maxSkew.inMilliseconds, now: now) }
        guard fresh else { throw .unauthenticated("replayed request from node '\(request.node)' (nonce already used)") }
    }

    /// The signature headers of this node's reply with `status` and `body` to `request`.
    package func signReply(status: Int, body: [UInt8], to request: Admitted) -> [(String, String)] {
        ReplySignature.headers(status: status, nonce: request.nonce, body: body, node: node, key: key)
    }
}

/// Nonces seen recently, each kept until its request could no longer pass the timestamp
/// check anyway; bounded so a flood cannot grow it without end.
struct NonceCache {
    let limit: Int
    private var expiry: [String: Int64] = [:]
    private var order: [(String, Int64)] = []
    private var head = 0

    init(limit: Int) { self.limit = limit }

    /// Whether `nonce` was recorded and has not expired.
    func contains(_ nonce: String, now: Int64) -> Bool {
        guard let expires = expiry[nonce] else { return false }
        return expires > now
    }

    /// Records `nonce`; false when it is already there.
    mutating func insert(_ nonce: String, expires: Int64, now: Int64) -> Bool {
        while head < order.count, order[head].1 <= now || expiry.count >= limit {
            expiry[order[head].0] = nil
            head += 1
        }
        if head > 4096, head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
        guard expiry[nonce] == nil else { return false }
        expiry[nonce] = expires
        order.append((nonce, expires))
        return true
    }
}

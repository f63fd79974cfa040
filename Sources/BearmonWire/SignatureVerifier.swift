import BearmonCore
import Foundation
import Synchronization

/// Checks node-to-node signatures: the MAC (compared in constant time), the timestamp's age,
/// and that the nonce was not used before. Each refusal says why, for the log.
package final class SignatureVerifier: Sendable {
    /// How far a request's timestamp may be from this node's clock, in milliseconds.
    package let maxSkew: Duration
    private let key: [UInt8]
    private let seen = Mutex<NonceCache>(NonceCache(limit: 200_000))

    /// A verifier for `password`.
    package init(password: String, maxSkew: Duration = .seconds(30)) {
        key = Array(password.utf8)
        self.maxSkew = maxSkew
    }

    /// Why a request was refused.
    package struct Refusal: Error, CustomStringConvertible, Sendable {
        /// The reason, without anything secret.
        package let description: String
    }

    /// Verifies a request's signature headers against its method, path and body.
    package func verify(method: String, path: String, body: [UInt8], header: (String) -> String?) throws(Refusal) {
        guard let node = header(RequestSignature.Header.node), let stamp = header(RequestSignature.Header.timestamp),
              let nonce = header(RequestSignature.Header.nonce), let macText = header(RequestSignature.Header.signature) else {
            throw Refusal(description: "unsigned request (no \(RequestSignature.Header.signature) headers)")
        }
        guard let timestamp = Int64(stamp), let mac = [UInt8](hex: macText), nonce.count == 32 else {
            throw Refusal(description: "malformed signature headers from node '\(node)'")
        }
        let expected = HMACSHA256.mac(key: key, message: RequestSignature.canonical(method: method, path: path, timestamp: timestamp, nonce: nonce, node: node, body: body))
        guard HMACSHA256.equal(expected, mac) else {
            throw Refusal(description: "bad signature from node '\(node)': wrong password, or the request was altered")
        }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        guard abs(now - timestamp) <= maxSkew.inMilliseconds else {
            throw Refusal(description: "stale request from node '\(node)': its timestamp is \(abs(now - timestamp) / 1000)s away from this node's clock (limit \(maxSkew)); check NTP")
        }
        let fresh = seen.withLock { $0.insert(nonce, expires: now + 2 * maxSkew.inMilliseconds, now: now) }
        guard fresh else { throw Refusal(description: "replayed request from node '\(node)' (nonce already used)") }
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

import Foundation

/// How node-to-node requests are authenticated: an HMAC-SHA256, under the shared password,
/// of the method, the path, a timestamp, a nonce, the sender's node name and the body. The
/// password itself never travels. Timestamps bound how old a request may be; nonces make each
/// request usable once.
package struct RequestSignature: Sendable, Equatable {
    /// The headers that carry a signature.
    package enum Header {
        /// The sender's node name.
        package static let node = "X-Bearmon-Node"
        /// Milliseconds since the epoch when the request was signed.
        package static let timestamp = "X-Bearmon-Timestamp"
        /// 128 random bits, hex.
        package static let nonce = "X-Bearmon-Nonce"
        /// The HMAC, hex.
        package static let signature = "X-Bearmon-Signature"
    }

    /// The sender's node name.
    package let node: String
    /// When it was signed, unix milliseconds.
    package let timestamp: Int64
    /// The one-time value.
    package let nonce: String
    /// The MAC, hex.
    package let mac: String

    /// Signs a request now, with a fresh nonce.
    static func sign(method: String, path: String, body: [UInt8], node: String, password: String) -> RequestSignature {
        let timestamp = Int64(Date().timeIntervalSince1970 * 1000)
        var random = SystemRandomNumberGenerator()
        let nonce = (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }.hex
        let mac = HMACSHA256.mac(key: Array(password.utf8), message: canonical(method: method, path: path, timestamp: timestamp, nonce: nonce, node: node, body: body))
        return RequestSignature(node: node, timestamp: timestamp, nonce: nonce, mac: mac.hex)
    }

    /// What is MACed: every part that must not be changed in transit, body last.
    static func canonical(method: String, path: String, timestamp: Int64, nonce: String, node: String, body: [UInt8]) -> [UInt8] {
        Array("bearmon-v1\n\(method.uppercased())\n\(path)\n\(timestamp)\n\(nonce)\n\(node)\n".utf8) + body
    }

    /// The signature as request headers.
    var headers: [(String, String)] {
        [(Header.node, node), (Header.timestamp, String(timestamp)), (Header.nonce, nonce), (Header.signature, mac)]
    }
}

import Foundation

/// How node-to-node requests are authenticated: an HMAC-SHA256, under the shared password,
/// of the wire version, the method, the path, the recipient as the sender dialed it (the Host
/// header), a timestamp, a nonce, the sender's node name and the body. The password itself
/// never travels. Timestamps bound how old a request may be; nonces make each request usable
/// once; the recipient keeps a request captured on its way to one node from being accepted by
/// another. Replies are signed too (``ReplySignature``).
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
        /// The sender's wire version (``RequestSignature/wireVersion``); absent from version 1.
        package static let wire = "X-Bearmon-Wire"
    }

    /// The version of the node-to-node wire this build speaks: the signed parts, the signed
    /// replies and the messages. Nodes of different versions refuse each other, naming both.
    /// Version 1 (no header) signed neither the recipient nor replies.
    package static let wireVersion = 2

    /// How far a request's or a reply's timestamp may be from the receiver's clock.
    package static let maxSkew: Duration = .seconds(30)

    /// The sender's node name.
    package let node: String
    /// The recipient as the sender dialed it, `host:port`, sent as the Host header.
    package let host: String
    /// When it was signed, unix milliseconds.
    package let timestamp: Int64
    /// The one-time value.
    package let nonce: String
    /// The MAC, hex.
    package let mac: String

    /// Signs a request to `host` now, with a fresh nonce.
    package static func sign(method: String, path: String, host: String, body: [UInt8], node: String, password: String) -> RequestSignature {
        let timestamp = unixMilliseconds()
        var random = SystemRandomNumberGenerator()
        let nonce = (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }.hex
        let mac = HMACSHA256.mac(key: Array(password.utf8), message: canonical(method: method, path: path, host: host, timestamp: timestamp, nonce: nonce, node: node, body: body))
        return RequestSignature(node: node, host: host, timestamp: timestamp, nonce: nonce, mac: mac.hex)
    }

    /// What is MACed: every part that must not be changed in transit, body last. The host is
    /// compared without regard to case, as DNS names are.
    static func canonical(method: String, path: String, host: String, timestamp: Int64, nonce: String, node: String, body: [UInt8]) -> [UInt8] {
        Array("bearmon-v\(wireVersion)\n\(method.uppercased())\n\(path)\n\(host.lowercased())\n\(timestamp)\n\(nonce)\n\(node)\n".utf8) + body
    }

    /// The signature as request headers, the wire version and the Host header included.
    package var headers: [(String, String)] {
        [("Host", host), (Header.wire, String(Self.wireVersion)), (Header.node, node), (Header.timestamp, String(timestamp)),
         (Header.nonce, nonce), (Header.signature, mac)]
    }

    /// Now, in unix milliseconds, as timestamps count.
    static func unixMilliseconds() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
}

/// How a node signs its answer to a signed request, so that the caller acts only on what the
/// node it called really said: an HMAC-SHA256, under the shared password, of the status, the
/// request's nonce (which binds the reply to that one request, and makes it fresh), a
/// timestamp, the answering node's name and the body. The reply carries the same headers as a
/// request, without the nonce.
package enum ReplySignature {
    /// The signature headers for a reply with `status` and `body` to the request that carried
    /// `nonce`, answered by `node`.
    package static func headers(status: Int, nonce: String, body: [UInt8], node: String, key: [UInt8]) -> [(String, String)] {
        let timestamp = RequestSignature.unixMilliseconds()
        let mac = HMACSHA256.mac(key: key, message: canonical(status: status, nonce: nonce, timestamp: timestamp, node: node, body: body))
        return [(RequestSignature.Header.wire, String(RequestSignature.wireVersion)), (RequestSignature.Header.node, node),
                (RequestSignature.Header.timestamp, String(timestamp)), (RequestSignature.Header.signature, mac.hex)]
    }

    /// The names of the reply headers ``verify(status:nonce:body:key:maxSkew:header:)`` reads.
    package static let headerNames = [RequestSignature.Header.wire, RequestSignature.Header.node,
                                      RequestSignature.Header.timestamp, RequestSignature.Header.signature]

    /// Checks a reply's signature; the refusal says why, for the caller's error.
    package static func verify(status: Int, nonce: String, body: [UInt8], key: [UInt8], maxSkew: Duration,
                               header: (String) -> String?) throws(SignatureVerifier.Refusal) {
        guard let macText = header(RequestSignature.Header.signature) else {
            throw .unauthenticated("unsigned reply (no \(RequestSignature.Header.signature) header: not a bearmon node, or one of wire version 1)")
        }
        let version = header(RequestSignature.Header.wire).flatMap(Int.init) ?? 1
        guard version == RequestSignature.wireVersion else {
            throw .version(peer: version, sender: header(RequestSignature.Header.node).map { "node '\($0)'" } ?? "the peer")
        }
        guard let node = header(RequestSignature.Header.node), let stamp = header(RequestSignature.Header.timestamp).flatMap({ Int64($0) }),
              let mac = [UInt8](hex: macText) else {
            throw .unauthenticated("malformed reply signature headers")
        }
        let expected = HMACSHA256.mac(key: key, message: canonical(status: status, nonce: nonce, timestamp: stamp, node: node, body: body))
        guard HMACSHA256.equal(expected, mac) else {
            throw .unauthenticated("badly signed reply claiming to come from node '\(node)': wrong password, or the reply was altered or forged")
        }
        let skew = RequestSignature.unixMilliseconds().subtractingReportingOverflow(stamp)
        guard !skew.overflow, skew.partialValue.magnitude <= maxSkew.inMilliseconds.magnitude else {
            throw .unauthenticated("stale reply from node '\(node)': its timestamp is too far from this node's clock (limit \(maxSkew)); check NTP")
        }
    }

    /// What is MACed; "reply" keeps a reply's MAC from ever passing for a request's.
    static func canonical(status: Int, nonce: String, timestamp: Int64, node: String, body: [UInt8]) -> [UInt8] {
        Array("bearmon-v\(RequestSignature.wireVersion)-reply\n\(status)\n\(nonce)\n\(timestamp)\n\(node)\n".utf8) + body
    }
}

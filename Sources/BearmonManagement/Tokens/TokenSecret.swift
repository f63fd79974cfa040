import BearmonWire

/// API tokens as people see them: `bm_` and 32 random bytes in base64url (no padding). Only
/// a token's SHA-256 is stored, so a stolen database holds nothing that authenticates.
package enum TokenSecret {
    /// What every token starts with, so that secret scanners and people can tell one.
    package static let prefix = "bm_"

    /// A new token from the system's CSPRNG.
    package static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + Base64URL.encode(bytes)
    }

    /// The stored form of `token`: its SHA-256 in lowercase hex.
    package static func sha256Hex(_ token: String) -> String { HMACSHA256.digest(Array(token.utf8)).hex }

    /// 64 random hex digits, for ``Store/sharedSecret(_:candidate:)``.
    package static func randomHex() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }.hex
    }
}

import COpenSSL

/// HMAC-SHA256 through libcrypto, and the constant-time comparison that checking one needs.
package enum HMACSHA256 {
    /// The 32-byte MAC of `message` under `key`.
    package static func mac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let ok = key.withUnsafeBytes { key in
            message.withUnsafeBytes { message in
                bm_hmac_sha256(key.baseAddress, key.count, message.baseAddress, message.count, &out)
            }
        }
        precondition(ok == 1, "HMAC-SHA256 failed inside libcrypto")
        return out
    }

    /// The 32-byte SHA-256 digest of `message` (no key).
    package static func digest(_ message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let ok = message.withUnsafeBytes { bm_sha256($0.baseAddress, $0.count, &out) }
        precondition(ok == 1, "SHA-256 failed inside libcrypto")
        return out
    }

    /// Whether `a` and `b` are equal, in time that does not depend on where they differ.
    package static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { a in b.withUnsafeBytes { b in bm_equal_consttime(a.baseAddress, b.baseAddress, a.count) == 1 } }
    }
}

extension Array where Element == UInt8 {
    /// Lower-case hexadecimal.
    package var hex: String { map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined() }

    /// Bytes from hexadecimal text, or nil when it is not hex.
    package init?(hex text: String) {
        guard text.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self = bytes
    }
}

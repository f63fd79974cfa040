package import BearmonCore
package import BearmonStore
import BearmonWire
import Synchronization

/// Acknowledge links (issue 23): `{[notify] publicURL}/ack/{event id}?sig={MAC}`, where the MAC
/// is HMAC-SHA256 over the event id under a key every node shares through the store
/// (`shared_secrets.ack-links`, made by whichever node asks first). The link opens a page that
/// acknowledges only with a POST (mail scanners follow GET links), and the store lets each
/// link acknowledge once. Only offline notifications carry one.
package final class AckLinks: Sendable {
    /// The `shared_secrets` row holding the key.
    package static let secretName = "ack-links"
    /// The path prefix the links use.
    package static let path = "/ack/"

    /// `[notify] publicURL` without a trailing slash; nil when unset (then no link is made).
    package let publicURL: String?
    private let store: any Store
    private let key = Mutex<[UInt8]?>(nil)

    /// Links under `publicURL`, with the key read from (or first written to) `store` when first needed.
    package init(store: any Store, publicURL: String?) {
        self.store = store
        self.publicURL = publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
    }

    /// The link for `entry`, or nil: no public URL, or not a notification of an outage.
    /// Blocks on the store the first time; call it off the event loop.
    package func url(for entry: OutboxEntry) throws -> String? {
        guard let publicURL, entry.status == .offline, ![.test, .flapping, .removed].contains(entry.kind) else { return nil }
        return "\(publicURL)\(Self.path)\(entry.eventID)?sig=\(try signature(for: entry.eventID))"
    }

    /// Whether `signature` is this cluster's for `eventID` (in constant time). Blocks on the
    /// store the first time.
    package func verify(eventID: String, signature: String) throws -> Bool {
        guard let given = [UInt8](hex: signature), given.count == 32 else { return false }
        return HMACSHA256.equal(given, try mac(eventID))
    }

    /// The hex MAC of `eventID`.
    package func signature(for eventID: String) throws -> String {
        try mac(eventID).hex
    }

    private func mac(_ eventID: String) throws -> [UInt8] {
        HMACSHA256.mac(key: try sharedKey(), message: Array("bearmon acknowledge link 1\n\(eventID)".utf8))
    }

    private func sharedKey() throws -> [UInt8] {
        if let known = key.withLock({ $0 }) { return known }
        let candidate = (0..<32).map { _ in UInt8.random(in: 0...255) }.hex
        let stored = try store.sharedSecret(Self.secretName, candidate: candidate)
        guard let bytes = [UInt8](hex: stored), bytes.count >= 16 else {
            throw StoreError.invalid("shared_secrets.\(Self.secretName) is not at least 32 hex digits; delete the row and restart every node (links already sent stop working)")
        }
        key.withLock { $0 = bytes }
        return bytes
    }
}

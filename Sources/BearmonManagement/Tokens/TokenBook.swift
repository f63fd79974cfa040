package import BearmonCore
package import BearmonStore
import Foundation
package import Logging
import Synchronization

/// Verifies API tokens against the store for the access rule (BearmonServer's
/// `AccessTokens`, to which BearmonRoles conforms it): a bearer token is hashed and looked up
/// by its SHA-256, a session's token by id. Nothing positive is cached, so a revoked token
/// stops working with the next request on every node. A token's `last_used_at` is written
/// at most once a minute (``touchInterval``), judged from the stored value, so nodes sharing a
/// database do not each write it on every request.
package final class TokenBook: Sendable {
    /// The least time between two writes of a token's `last_used_at`.
    package static let touchInterval: Int64 = 60_000

    private let store: any Store
    /// Store calls block; they run here, off the cooperative pool.
    private let queue = BlockingExecutor(label: "bearmon.access.tokens")
    /// The session key, read once: it never changes once stored.
    private let key = Mutex<[UInt8]?>(nil)
    /// When this node last wrote each token's use, so that requests racing past the stored
    /// value do not write it again.
    private let touched = Mutex<[Int64: Int64]>([:])
    private let logger: Logger
    /// Now, unix ms (a test may stop it).
    private let now: @Sendable () -> Int64

    /// A book over `store` (best a connection of its own, so that checking tokens never
    /// waits behind the controller's statements).
    package init(store: any Store, logger: Logger, now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1_000) }) {
        self.store = store
        self.logger = logger
        self.now = now
    }

    /// The token whose secret is `bearer`, or nil. A text that cannot be a token (not `bm_`
    /// and 43 base64url characters) is answered nil without asking the store.
    package func token(bearer: String) async throws -> APITokenRow? {
        guard Self.canBeToken(bearer) else { return nil }
        let sha256 = TokenSecret.sha256Hex(bearer)
        let store = self.store
        let row = try await queue.run { try store.token(sha256: sha256) }
        if let row { used(row) }
        return row
    }

    /// The token `id`, or nil when it no longer exists.
    package func token(id: Int64) async throws -> APITokenRow? {
        let store = self.store
        let row = try await queue.run { try store.tokens().first { $0.id == id } }
        if let row { used(row) }
        return row
    }

    /// The session-signing key shared by every node on the database
    /// (`shared_secrets.session`, made by whichever node asks first).
    package func sessionKey() async throws -> [UInt8] {
        if let key = key.withLock({ $0 }) { return key }
        let store = self.store
        let hex = try await queue.run { try store.sharedSecret("session", candidate: TokenSecret.randomHex()) }
        guard let bytes = [UInt8](hex: hex), bytes.count >= 16 else {
            throw StoreError.invalid("shared_secrets.session is not at least 32 hex digits; delete the row and restart every node to make a new one (every browser signs in again)")
        }
        key.withLock { $0 = bytes }
        return bytes
    }

    /// Whether `text` has a token's shape: `bm_` and 32 bytes in unpadded base64url.
    static func canBeToken(_ text: String) -> Bool {
        guard text.utf8.count == TokenSecret.prefix.utf8.count + 43, text.hasPrefix(TokenSecret.prefix) else { return false }
        return Base64URL.decode(String(text.dropFirst(TokenSecret.prefix.count)))?.count == 32
    }

    /// Records a use of `row` unless one was recorded within ``touchInterval``; in the
    /// background, so the request does not wait for the write, and a failed write only logs.
    private func used(_ row: APITokenRow) {
        let now = now()
        let due = touched.withLock { touched -> Bool in
            let last = max(touched[row.id] ?? .min, row.lastUsedAt ?? .min)
            guard last == .min || now.saturatingSubtracting(last) >= Self.touchInterval else { return false }
            touched[row.id] = now
            return true
        }
        guard due else { return }
        let store = self.store, logger = self.logger, queue = self.queue
        Task {
            do {
                try await queue.run { try store.touchToken(row.id, now: now) }
            } catch {
                logger.warning("could not record the use of token '\(row.name)': \(error)")
            }
        }
    }
}

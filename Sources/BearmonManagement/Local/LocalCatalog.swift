package import BearmonCore
package import BearmonPlugins
package import BearmonStore
import Synchronization

/// The ``CatalogService`` over a store: the one place where management input is validated
/// (check and contact data strictly against their plugin types, names, tags, numbers), where
/// stored data is masked for display, and where masked values sent back are restored.
/// The CLI with `--db`, the REST API on a node and config as code all go through it.
package final class LocalCatalog: CatalogService {
    /// The longest interval a check may have (``CheckRow/maxIntervalSeconds``).
    package static let maxInterval = CheckRow.maxIntervalSeconds
    /// The largest delay, in rounds (``CheckRow/maxDelay``).
    package static let maxDelay = CheckRow.maxDelay

    /// The store.
    package let store: any Store
    /// The plugins that validate data and say what is secret.
    package let host: PluginHost
    let masker: DataMasker
    /// What "now" is, unix ms (a seam for tests).
    let now: @Sendable () -> Int64
    private let cursorKey = Mutex<[UInt8]?>(nil)

    /// A catalog over `store`, validating with `host`'s types.
    package init(store: any Store, host: PluginHost, now: @escaping @Sendable () -> Int64 = LocalCatalog.wallClock) {
        self.store = store
        self.host = host
        self.masker = DataMasker(host: host)
        self.now = now
    }

    /// The system clock, unix ms.
    package static let wallClock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }

    /// Runs a store call, turning its errors into ``CatalogError``s.
    func stored<T>(_ body: () throws -> T) throws(CatalogError) -> T {
        do {
            return try body()
        } catch let error as CatalogError {
            throw error
        } catch let error as StoreError {
            switch error {
            case .notFound: throw CatalogError(.notFound, error.description)
            case .conflict: throw CatalogError(.conflict, error.description)
            case .tooLong, .invalid: throw CatalogError(.invalid, error.description)
            default: throw CatalogError(.unavailable, "the store is unavailable: \(error)")
            }
        } catch {
            throw CatalogError(.unavailable, "the store is unavailable: \(error)")
        }
    }

    /// The cursor signer, its key read from the store once.
    func cursors() throws(CatalogError) -> PageCursor {
        if let key = cursorKey.withLock({ $0 }) { return PageCursor(key: key) }
        let hex = try stored { try store.sharedSecret("cursor", candidate: TokenSecret.randomHex()) }
        let key = [UInt8](hex: hex) ?? Array(hex.utf8)
        cursorKey.withLock { $0 = key }
        return PageCursor(key: key)
    }

    /// A page of `items` (sorted by id) after the cursor's id.
    func page<Item>(_ items: [Item], list: String, id: (Item) -> Int64, _ request: PageRequest) throws(CatalogError) -> (items: [Item], next: String?) {
        let after = try cursorID(request, list: list) ?? .min
        let rest = items.drop { id($0) <= after }
        let chosen = Array(rest.prefix(request.limit))
        let next = rest.count > chosen.count ? try cursors().make(list: list, position: String(id(chosen.last!))) : nil
        return (chosen, next)
    }

    /// The row id the request's cursor holds for `list`, or nil for the first page.
    func cursorID(_ request: PageRequest, list: String) throws(CatalogError) -> Int64? {
        guard let cursor = request.cursor else { return nil }
        guard let position = Int64(try cursors().position(cursor, list: list)) else {
            throw CatalogError(.invalid, "the cursor is not one this API issued for this list; start again without ?cursor=")
        }
        return position
    }

    /// Refuses `id` below 1: no row has one.
    func requirePositive(_ id: Int64, _ what: String) throws(CatalogError) {
        guard id > 0 else { throw CatalogError(.notFound, "\(what) \(id) does not exist") }
    }
}

import Foundation

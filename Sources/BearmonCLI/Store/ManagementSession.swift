import BearmonCore
import BearmonManagement
import BearmonPlugins
import BearmonStore

/// What a management command works on: a catalog, and with `--db` the store and plugins
/// behind it, for what only they can tell.
struct ManagementSession {
    /// Where checks, contacts and alerts are read and written.
    let catalog: any CatalogService
    /// The store and plugins, with `--db`; nil with `--api`.
    let local: (store: SQLStore, host: PluginHost)?

    /// Why stored checks cannot run, by id: poison rows (a NULL status, an unknown type, bad
    /// data). Only the store can tell; over the API this is empty.
    func problems() throws -> [Int64: String] {
        guard let local else { return [:] }
        let rows = try reportingStoreErrors { try local.store.checkRows() }
        let catalog = CheckCatalog(host: local.host)
        return rows.reduce(into: [:]) { problems, row in
            if case .failure(let poison) = catalog.validate(row) { problems[row.id] = poison.reason }
        }
    }

    /// Every item of a paged list, page after page; a node that hands back a cursor it gave
    /// before would loop, so that is refused.
    func all<Item>(_ fetch: (PageRequest) throws(CatalogError) -> Page<Item>) throws -> [Item] {
        var items: [Item] = []
        var seen: Set<String> = []
        var cursor: String?
        repeat {
            let page = try managed { () throws(CatalogError) in try fetch(PageRequest(limit: PageRequest.maxLimit, cursor: cursor)) }
            items += page.items
            cursor = page.next
            if let cursor, !seen.insert(cursor).inserted {
                throw CLIFailure("the list did not end: the catalog handed back a cursor it had given before")
            }
        } while cursor != nil
        return items
    }
}

/// Runs a catalog call, turning its ``CatalogError`` into a one-line failure with exit status 1.
func managed<T>(_ body: () throws(CatalogError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw CLIFailure(cause: error)
    }
}

/// Runs a store call and turns a ``StoreError`` into a one-line failure with exit status 1.
func reportingStoreErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        throw CLIFailure(cause: error)
    }
}

package import BearmonCore

extension LocalCatalog {
    /// A check's results, newest first, paged by result id.
    package func results(check id: Int64, _ request: PageRequest) throws(CatalogError) -> Page<ResultResource> {
        _ = try checkRow(id)
        let list = "results:\(id)"
        let before = try cursorID(request, list: list)
        let rows = try stored { try store.results(checkID: id, before: before, limit: request.limit + 1) }
        let shown = Array(rows.prefix(request.limit))
        let next = rows.count > shown.count ? try cursors().make(list: list, position: String(shown.last!.id)) : nil
        return Page(items: shown.map { ResultResource($0) }, next: next)
    }

    /// A check's flips, newest first, each with its notifications.
    package func flips(check id: Int64, _ request: PageRequest) throws(CatalogError) -> Page<FlipResource> {
        _ = try checkRow(id)
        let list = "flips:\(id)"
        let before = try request.cursor.map { cursor throws(CatalogError) in try cursors().position(cursor, list: list) }
        let rows = try stored { try store.flips(checkID: id, before: before, limit: request.limit + 1) }
        let shown = Array(rows.prefix(request.limit))
        let notifications = try stored { try store.notifications(flipIDs: shown.map(\.flipID)) }
        let byFlip = Dictionary(grouping: notifications, by: \.flipID)
        let next = rows.count > shown.count ? try cursors().make(list: list, position: shown.last!.flipID) : nil
        return Page(items: shown.map { FlipResource($0, notifications: (byFlip[$0.flipID] ?? []).map(NotificationResource.init)) }, next: next)
    }
}

/// One page of a list: `{"items": [...], "next": "CURSOR"}`; `next` is absent on the last page.
package struct Page<Item: Sendable & Codable & Equatable>: Sendable, Codable, Equatable {
    /// The items, in the list's order.
    package var items: [Item]
    /// The cursor of the next page, or nil.
    package var next: String?

    /// A page from its parts.
    package init(items: [Item], next: String?) {
        self.items = items
        self.next = next
    }
}

/// Which page a list call wants.
package struct PageRequest: Sendable, Equatable {
    /// The largest page a caller may ask for.
    package static let maxLimit = 500
    /// The page size when none is asked for.
    package static let defaultLimit = 100

    /// Items per page, 1 to ``maxLimit``.
    package var limit: Int
    /// The cursor a previous page returned, or nil for the first page.
    package var cursor: String?

    /// A request; `limit` is clamped to 1...``maxLimit``.
    package init(limit: Int = PageRequest.defaultLimit, cursor: String? = nil) {
        self.limit = min(max(limit, 1), Self.maxLimit)
        self.cursor = cursor
    }
}

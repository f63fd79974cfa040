package import BearmonCore

/// The checks one dashboard page shows, with what filtering them read: the page is built in
/// two steps so that only the shown checks' rounds are asked of the controller.
package struct DashboardSelection: Sendable {
    /// The query it answers.
    let query: DashboardQuery
    /// Every check.
    let all: [CheckRow]
    /// Every check's tags by id.
    let tags: [Int64: [String]]
    /// Every check's shown state ("online", "offline", "disabled"...) by id.
    let states: [Int64: String]
    /// How many checks match the query.
    let matching: Int
    /// The checks on this page, in order.
    let shown: [CheckRow]
    /// This page's number and the number of pages.
    let page: Int
    /// See `page`.
    let pages: Int

    /// The ids of the checks on this page.
    package var shownIDs: [Int64] { shown.map(\.id) }
}

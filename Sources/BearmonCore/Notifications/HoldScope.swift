/// What a maintenance window or a silence covers.
package enum HoldScope: Sendable, Equatable, Hashable {
    /// One check, by id.
    case check(Int64)
    /// Every check with this tag.
    case tag(String)
    /// Every check (maintenance windows only).
    case all

    /// Whether it covers the check `checkID` with `tags`.
    package func covers(checkID: Int64, tags: [String]) -> Bool {
        switch self {
        case .check(let id): id == checkID
        case .tag(let tag): tags.contains(tag)
        case .all: true
        }
    }

    /// "check 7", "tag db", "all checks".
    package var label: String {
        switch self {
        case .check(let id): "check \(id)"
        case .tag(let tag): "tag \(tag)"
        case .all: "all checks"
        }
    }
}

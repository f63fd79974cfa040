/// Why a store operation was refused, in words a user can act on.
package enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A `--db` value, DSN or path that cannot be used.
    case invalidLocation(String)
    /// None of the configured databases could be reached.
    case unreachable(String)
    /// A value longer than its column; bearmon never truncates.
    case tooLong(field: String, length: Int, limit: Int)
    /// A row that does not exist.
    case notFound(String)
    /// Input that is wrong for another reason.
    case invalid(String)
    /// A controller that no longer holds the current view tried to write.
    case fenced(held: Int64, current: Int64)
    /// The database is from a newer bearmon.
    case schemaTooNew(found: Int, known: Int)
    /// The schema lacks this bearmon's tables, and creating them failed (`cause`).
    case schemaBehind(found: Int, needed: Int, cause: String)

    /// The message shown to the user.
    package var description: String {
        switch self {
        case .invalidLocation(let reason): reason
        case .unreachable(let reason): reason
        case .tooLong(let field, let length, let limit):
            "\(field) is \(length) characters, longer than its column (\(limit)); bearmon refuses it rather than truncate it. Shorten it."
        case .notFound(let what): "\(what) does not exist"
        case .invalid(let reason): reason
        case .fenced(let held, let current):
            "refused by the fence: this controller holds view \(held), but the database is at view \(current)"
        case .schemaBehind(let found, let needed, let cause):
            "the database schema is at version \(found) but this bearmon needs \(needed), and upgrading it failed (\(cause)); run `bearmon db init` once as a user that may create tables"
        case .schemaTooNew(let found, let known):
            "the database schema is at version \(found), newer than this bearmon knows (\(known)); upgrade bearmon"
        }
    }
}

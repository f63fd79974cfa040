/// Why a store operation was refused, in words a user can act on. Cases that stem from
/// another error (the driver's, the file system's) carry it as `cause`.
package enum StoreError: Error, Sendable, CustomStringConvertible {
    /// A `--db` value, DSN or path that cannot be used.
    case invalidLocation(String)
    /// The SQLite file at `path` cannot be opened or created.
    case cannotOpen(path: String, cause: any Error)
    /// None of the configured databases could be reached, after `attempts` tries.
    case unreachable(location: String, attempts: Int, cause: any Error)
    /// A value longer than its column; bearmon never truncates.
    case tooLong(field: String, length: Int, limit: Int)
    /// A row that does not exist.
    case notFound(String)
    /// Input that is wrong for another reason.
    case invalid(String)
    /// A write that clashes with a row already there (a name that must be unique).
    case conflict(String)
    /// A controller that no longer holds the current view tried to write.
    case fenced(held: Int64, current: Int64)
    /// The database is from a newer bearmon.
    case schemaTooNew(found: Int, known: Int)
    /// The schema lacks this bearmon's tables, and creating them failed (`cause`).
    case schemaBehind(found: Int, needed: Int, cause: any Error)

    /// The error this one stems from, if any.
    package var underlying: (any Error)? {
        switch self {
        case .cannotOpen(_, let cause), .unreachable(_, _, let cause), .schemaBehind(_, _, let cause): cause
        case .invalidLocation, .tooLong, .notFound, .invalid, .conflict, .fenced, .schemaTooNew: nil
        }
    }

    /// The message shown to the user.
    package var description: String {
        switch self {
        case .invalidLocation(let reason): reason
        case .cannotOpen(let path, let cause): "cannot open SQLite database \(path): \(cause)"
        case .unreachable(let location, let attempts, let cause): "cannot reach MySQL at \(location) after \(attempts) attempts: \(cause)"
        case .tooLong(let field, let length, let limit):
            "\(field) is \(length) characters, longer than its column (\(limit)); bearmon refuses it rather than truncate it. Shorten it."
        case .notFound(let what): "\(what) does not exist"
        case .invalid(let reason): reason
        case .conflict(let reason): reason
        case .fenced(let held, let current):
            "refused by the fence: this controller holds view \(held), but the database is at view \(current)"
        case .schemaBehind(let found, let needed, let cause):
            "the database schema is at version \(found) but this bearmon needs \(needed), and upgrading it failed (\(cause)); run `bearmon db init` once as a user that may create tables"
        case .schemaTooNew(let found, let known):
            "the database schema is at version \(found), newer than this bearmon knows (\(known)); upgrade bearmon"
        }
    }
}

extension StoreError: Equatable {
    /// The same case with the same message. A cause counts by its words, since errors in
    /// general cannot be compared; every other field is part of the message.
    package static func == (lhs: StoreError, rhs: StoreError) -> Bool {
        lhs.caseName == rhs.caseName && lhs.description == rhs.description
    }

    /// The case, without its values.
    private var caseName: String {
        switch self {
        case .invalidLocation: "invalidLocation"
        case .cannotOpen: "cannotOpen"
        case .unreachable: "unreachable"
        case .tooLong: "tooLong"
        case .notFound: "notFound"
        case .invalid: "invalid"
        case .conflict: "conflict"
        case .fenced: "fenced"
        case .schemaTooNew: "schemaTooNew"
        case .schemaBehind: "schemaBehind"
        }
    }
}

/// Whether a failed store call may succeed if simply tried again (the database is down,
/// busy, or chose this transaction as a deadlock victim), or will fail the same way every
/// time (a row the database refuses). Writers retry the first kind with backoff; they must
/// never retry the second kind forever, since one refused row would then block every row
/// queued behind it.
package enum StoreFailure {
    /// MySQL server errors that pass: lock wait timeout, deadlock, too many connections, read-only.
    private static let transientMySQLCodes: Set<UInt32> = [1040, 1203, 1205, 1213, 1290, 1836]
    /// SQLite primary result codes that pass: BUSY, LOCKED, NOMEM, READONLY, IOERR, FULL, CANTOPEN, PROTOCOL.
    private static let transientSQLiteCodes: Set<Int32> = [5, 6, 7, 8, 10, 13, 14, 15]

    /// Whether `error` is worth retrying unchanged.
    package static func isTransient(_ error: any Error) -> Bool {
        switch error {
        case let error as StoreError:
            if case .unreachable = error { return true }
            return false
        case let error as MySQLError:
            return error.isConnectionLoss || transientMySQLCodes.contains(error.code)
        case let error as SQLiteError:
            return transientSQLiteCodes.contains(error.code & 0xff)
        default:
            return false
        }
    }
}

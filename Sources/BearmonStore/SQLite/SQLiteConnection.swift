import CSQLite

/// One sqlite3 connection in WAL mode with a busy timeout, so that the CLI and a running
/// daemon can share the file. Not thread-safe: ``SQLiteDatabase`` serialises access.
final class SQLiteConnection {
    /// How long a writer waits for another process's lock before failing.
    static let busyTimeoutMilliseconds: Int32 = 10_000

    let handle: OpaquePointer
    private var statements: [String: OpaquePointer] = [:]

    init(path: String) throws {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(db)
            throw SQLiteError(function: "sqlite3_open_v2(\(path))", code: rc, message: message)
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, Self.busyTimeoutMilliseconds)
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = NORMAL")
    }

    deinit {
        statements.values.forEach { sqlite3_finalize($0) }
        sqlite3_close(handle)
    }

    /// The one place where a SQLite result code becomes a Swift error.
    func check(_ function: String, _ rc: Int32, allowed: Set<Int32> = [SQLITE_OK]) throws {
        guard !allowed.contains(rc) else { return }
        throw SQLiteError(function: function, code: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)))
    }

    /// Runs statements without parameters (pragmas, transaction control, migrations).
    func execute(_ sql: String) throws {
        try check("sqlite3_exec", sqlite3_exec(handle, sql, nil, nil, nil))
    }

    /// Runs `sql` with `parameters`; returns the change and any rows.
    func run(_ sql: String, _ parameters: [SQLValue]) throws -> (SQLChange, [SQLRow]) {
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (offset, value) in parameters.enumerated() {
            try bind(value, at: Int32(offset + 1), in: statement)
        }
        var rows: [SQLRow] = []
        while true {
            let rc = sqlite3_step(statement)
            if rc == SQLITE_DONE { break }
            try check("sqlite3_step", rc, allowed: [SQLITE_ROW])
            rows.append(row(statement))
        }
        return (SQLChange(affectedRows: Int64(sqlite3_changes(handle)), lastInsertID: sqlite3_last_insert_rowid(handle)), rows)
    }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let cached = statements[sql] { return cached }
        var statement: OpaquePointer?
        try check("sqlite3_prepare_v2", sqlite3_prepare_v2(handle, sql, -1, &statement, nil))
        statements[sql] = statement!
        return statement!
    }

    private func bind(_ value: SQLValue, at index: Int32, in statement: OpaquePointer) throws {
        let rc: Int32 = switch value {
        case .null: sqlite3_bind_null(statement, index)
        case .int(let number): sqlite3_bind_int64(statement, index, number)
        case .double(let number): sqlite3_bind_double(statement, index, number)
        case .text(let text): bm_sqlite3_bind_text_transient(statement, index, text, Int32(text.utf8.count))
        }
        try check("sqlite3_bind", rc)
    }

    private func row(_ statement: OpaquePointer) -> SQLRow {
        SQLRow((0..<sqlite3_column_count(statement)).map { column in
            switch sqlite3_column_type(statement, column) {
            case SQLITE_NULL: .null
            case SQLITE_INTEGER: .int(sqlite3_column_int64(statement, column))
            case SQLITE_FLOAT: .double(sqlite3_column_double(statement, column))
            default: .text(String(cString: sqlite3_column_text(statement, column)))
            }
        })
    }
}

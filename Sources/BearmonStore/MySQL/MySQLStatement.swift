import CMariaDB

/// A prepared statement on one ``MySQLConnection``. Parameters are bound by type; every result
/// column is fetched as text and typed by ``SQLValue``'s accessors, which keeps the binding
/// code small and the same for every column type.
final class MySQLStatement {
    private let handle: UnsafeMutablePointer<MYSQL_STMT>
    private let sql: String

    init(connection: MySQLConnection, sql: String) throws {
        guard let handle = mysql_stmt_init(connection.handle) else {
            try connection.check("mysql_stmt_init") { false }
            fatalError("unreachable")
        }
        self.handle = handle
        self.sql = sql
        // On a throw, deinit runs and closes the statement.
        try check("mysql_stmt_prepare") { mysql_stmt_prepare(handle, sql, UInt(sql.utf8.count)) == 0 }
        var updateMaxLength: my_bool = 1
        mysql_stmt_attr_set(handle, STMT_ATTR_UPDATE_MAX_LENGTH, &updateMaxLength)
    }

    deinit { mysql_stmt_close(handle) }

    /// The one place where a statement failure becomes a Swift error.
    private func check(_ function: String, _ body: () -> Bool) throws {
        guard !body() else { return }
        throw MySQLError(
            function: function, code: mysql_stmt_errno(handle),
            sqlState: String(cString: mysql_stmt_sqlstate(handle)), message: String(cString: mysql_stmt_error(handle))
        )
    }

    /// Executes with `parameters`; returns the change and, for queries, the rows.
    func run(_ parameters: [SQLValue]) throws -> (SQLChange, [SQLRow]) {
        let expected = Int(mysql_stmt_param_count(handle))
        guard expected == parameters.count else {
            throw StoreError.invalid("statement expects \(expected) parameters, got \(parameters.count): \(sql)")
        }
        let binder = ParameterBinder(parameters)
        if expected > 0 {
            try check("mysql_stmt_bind_param") { binder.withBinds { mysql_stmt_bind_param(handle, $0) == 0 } }
        }
        try check("mysql_stmt_execute") { mysql_stmt_execute(handle) == 0 }
        let change = SQLChange(affectedRows: Int64(bitPattern: mysql_stmt_affected_rows(handle)),
                               lastInsertID: Int64(mysql_stmt_insert_id(handle)))
        guard let metadata = mysql_stmt_result_metadata(handle) else { return (change, []) }
        defer {
            mysql_free_result(metadata)
            mysql_stmt_free_result(handle)
        }
        try check("mysql_stmt_store_result") { mysql_stmt_store_result(handle) == 0 }
        return (change, try fetchRows(metadata))
    }

    private func fetchRows(_ metadata: UnsafeMutablePointer<MYSQL_RES>) throws -> [SQLRow] {
        let count = Int(mysql_num_fields(metadata))
        let fields = mysql_fetch_fields(metadata)!
        let columns = (0..<count).map { ResultColumn(capacity: max(Int(fields[$0].max_length), 64) + 1) }
        var binds = [MYSQL_BIND](repeating: MYSQL_BIND(), count: count)
        for index in 0..<count { columns[index].prepare(&binds[index]) }
        try check("mysql_stmt_bind_result") { mysql_stmt_bind_result(handle, &binds) == 0 }
        var rows: [SQLRow] = []
        while true {
            let status = mysql_stmt_fetch(handle)
            if status == MYSQL_NO_DATA { break }
            if status == 1 { try check("mysql_stmt_fetch") { false } }
            var values: [SQLValue] = []
            var grew = false
            for index in 0..<count {
                if columns[index].truncated {
                    try refetch(column: index, into: columns[index], bind: &binds[index])
                    grew = true
                }
                values.append(columns[index].value)
            }
            rows.append(SQLRow(values))
            // libmariadb keeps its own copy of the binds, so a grown buffer must be bound
            // again before the next fetch writes through the old one.
            if grew { try check("mysql_stmt_bind_result") { mysql_stmt_bind_result(handle, &binds) == 0 } }
        }
        return rows
    }

    /// A column longer than its buffer (max_length is not always known) is fetched again
    /// with a buffer of its real length.
    private func refetch(column index: Int, into column: ResultColumn, bind: inout MYSQL_BIND) throws {
        column.grow(to: Int(column.length) + 1)
        column.prepare(&bind)
        try check("mysql_stmt_fetch_column") { mysql_stmt_fetch_column(handle, &bind, UInt32(index), 0) == 0 }
    }
}

/// Owns the buffers behind a statement's parameter binds for the length of one execute.
private final class ParameterBinder {
    private var binds: [MYSQL_BIND]
    private var buffers: [UnsafeMutableRawPointer] = []
    private var lengths: UnsafeMutablePointer<UInt>

    init(_ parameters: [SQLValue]) {
        binds = [MYSQL_BIND](repeating: MYSQL_BIND(), count: parameters.count)
        lengths = .allocate(capacity: max(1, parameters.count))
        for (index, value) in parameters.enumerated() {
            switch value {
            case .null:
                binds[index].buffer_type = MYSQL_TYPE_NULL
            case .int(let number):
                binds[index].buffer_type = MYSQL_TYPE_LONGLONG
                binds[index].buffer = store(number)
            case .double(let number):
                binds[index].buffer_type = MYSQL_TYPE_DOUBLE
                binds[index].buffer = store(number)
            case .text(let text):
                let bytes = Array(text.utf8)
                let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(1, bytes.count), alignment: 1)
                bytes.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
                buffers.append(buffer)
                lengths[index] = UInt(bytes.count)
                binds[index].buffer_type = MYSQL_TYPE_STRING
                binds[index].buffer = buffer
                binds[index].buffer_length = UInt(bytes.count)
                binds[index].length = lengths + index
            }
        }
    }

    private func store<T>(_ value: T) -> UnsafeMutableRawPointer {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: MemoryLayout<T>.size, alignment: MemoryLayout<T>.alignment)
        buffer.storeBytes(of: value, as: T.self)
        buffers.append(buffer)
        return buffer
    }

    func withBinds<R>(_ body: (UnsafeMutablePointer<MYSQL_BIND>) -> R) -> R { binds.withUnsafeMutableBufferPointer { body($0.baseAddress!) } }

    deinit {
        buffers.forEach { $0.deallocate() }
        lengths.deallocate()
    }
}

/// One result column's fetch buffer, length and NULL/truncation flags, at stable addresses
/// that libmariadb writes through while the statement fetches.
private final class ResultColumn {
    private(set) var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private let lengthPointer = UnsafeMutablePointer<UInt>.allocate(capacity: 1)
    private let isNullPointer = UnsafeMutablePointer<my_bool>.allocate(capacity: 1)
    private let errorPointer = UnsafeMutablePointer<my_bool>.allocate(capacity: 1)

    init(capacity: Int) {
        self.capacity = capacity
        buffer = .allocate(capacity: capacity)
        lengthPointer.initialize(to: 0)
        isNullPointer.initialize(to: 0)
        errorPointer.initialize(to: 0)
    }

    deinit {
        buffer.deallocate()
        lengthPointer.deallocate()
        isNullPointer.deallocate()
        errorPointer.deallocate()
    }

    var length: UInt { lengthPointer.pointee }

    func grow(to size: Int) {
        guard size > capacity else { return }
        buffer.deallocate()
        buffer = .allocate(capacity: size)
        capacity = size
    }

    func prepare(_ bind: inout MYSQL_BIND) {
        bind.buffer_type = MYSQL_TYPE_STRING
        bind.buffer = UnsafeMutableRawPointer(buffer)
        bind.buffer_length = UInt(capacity)
        bind.length = lengthPointer
        bind.is_null = isNullPointer
        bind.error = errorPointer
    }

    var truncated: Bool { errorPointer.pointee != 0 && Int(length) >= capacity }

    var value: SQLValue {
        isNullPointer.pointee != 0 ? .null : .text(String(decoding: UnsafeBufferPointer(start: buffer, count: min(Int(length), capacity)), as: UTF8.self))
    }
}

import CMariaDB
import Foundation

/// One libmariadb connection. Not thread-safe: ``MySQLDatabase`` serialises access.
final class MySQLConnection {
    /// Seconds allowed to connect, and for each read and write, unless the DSN says otherwise.
    static let defaultTimeouts = (connect: UInt32(5), read: UInt32(30), write: UInt32(30))

    let handle: UnsafeMutablePointer<MYSQL>
    let dsn: MySQLDSN
    private var statements: [String: MySQLStatement] = [:]

    /// Connects, then sets the session up: utf8mb4, strict SQL mode, UTC.
    init(_ dsn: MySQLDSN) throws {
        guard let handle = mysql_init(nil) else {
            throw MySQLError(function: "mysql_init", code: 2008, sqlState: "HY000", message: "out of memory")
        }
        self.handle = handle
        self.dsn = dsn
        var connectTimeout = dsn.seconds("timeout") ?? Self.defaultTimeouts.connect
        var readTimeout = dsn.seconds("readTimeout") ?? Self.defaultTimeouts.read
        var writeTimeout = dsn.seconds("writeTimeout") ?? Self.defaultTimeouts.write
        mysql_options(handle, MYSQL_OPT_CONNECT_TIMEOUT, &connectTimeout)
        mysql_options(handle, MYSQL_OPT_READ_TIMEOUT, &readTimeout)
        mysql_options(handle, MYSQL_OPT_WRITE_TIMEOUT, &writeTimeout)
        mysql_options(handle, MYSQL_SET_CHARSET_NAME, "utf8mb4")
        if dsn.tls != .off {
            // libmariadb asks for TLS when use_ssl is set and the server offers it; it insists
            // (fails without) only when verifying, so skip-verify is checked after connecting.
            var useTLS: my_bool = 1
            var verify: my_bool = dsn.tls == .verified ? 1 : 0
            mysql_options(handle, MYSQL_OPT_SSL_ENFORCE, &useTLS)
            mysql_options(handle, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &verify)
        }
        let (host, port, socket): (String?, UInt32, String?) = switch dsn.address {
        case .tcp(let host, let port): (host, port, nil)
        case .unix(let path): ("localhost", 0, path)
        }
        // On a throw below, deinit runs (the object is fully initialised) and closes the handle.
        try check("mysql_real_connect") {
            mysql_real_connect(handle, host, dsn.user, dsn.password, dsn.database, port, socket, 0) != nil
        }
        if dsn.tls == .verified || dsn.tls == .skipVerify, mysql_get_ssl_cipher(handle) == nil {
            throw MySQLError(function: "mysql_real_connect", code: 2026, sqlState: "HY000",
                             message: "the server did not agree to TLS, and the DSN says tls=\(dsn.tls.rawValue); enable TLS on the server or use tls=preferred")
        }
        try execute("SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'")
        try execute("SET SESSION time_zone = '+00:00'")
    }

    deinit {
        statements.removeAll()
        mysql_close(handle)
    }

    /// The one place where a libmariadb failure becomes a Swift error.
    func check(_ function: String, _ body: () -> Bool) throws {
        guard !body() else { return }
        throw MySQLError(
            function: function, code: mysql_errno(handle),
            sqlState: String(cString: mysql_sqlstate(handle)), message: String(cString: mysql_error(handle))
        )
    }

    /// Runs a statement through the text protocol (session setup, transaction control).
    func execute(_ sql: String) throws {
        try check("mysql_real_query") { mysql_real_query(handle, sql, UInt(sql.utf8.count)) == 0 }
        if let result = mysql_store_result(handle) { mysql_free_result(result) }
    }

    /// A prepared statement for `sql`, prepared once per connection and reused.
    func statement(_ sql: String) throws -> MySQLStatement {
        if let cached = statements[sql] { return cached }
        let statement = try MySQLStatement(connection: self, sql: sql)
        statements[sql] = statement
        return statement
    }
}

extension MySQLDSN {
    /// A duration parameter ("5s", "500ms", "2m" or plain seconds) in whole seconds.
    func seconds(_ name: String) -> UInt32? { parameters[name].flatMap(Self.seconds) }
}

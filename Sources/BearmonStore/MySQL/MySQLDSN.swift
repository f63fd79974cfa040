/// A MySQL data source in gobearmon's form (Go's mysql driver):
/// `[user[:password]@][tcp(host[:port])|unix(/path)]/dbname[?param=value&...]`.
package struct MySQLDSN: Sendable, Equatable, CustomStringConvertible {
    /// How to reach the server.
    package enum Address: Sendable, Equatable {
        /// TCP to host and port.
        case tcp(host: String, port: UInt32)
        /// A unix socket path.
        case unix(String)
    }

    /// The user name ("" for the server's default).
    package let user: String
    /// The password, or nil; never printed.
    package let password: String?
    /// Where the server listens.
    package let address: Address
    /// The database name.
    package let database: String
    /// Query parameters, by go-sql-driver's names (see ``knownParameters``).
    package let parameters: [String: String]

    /// Parses `text`; the error says what is wrong, never echoing a password.
    package init(parsing text: String) throws(StoreError) {
        func invalid(_ reason: String) -> StoreError {
            .invalidLocation("MySQL DSN \(MySQLDSN.redact(text)): \(reason); expected user:password@tcp(host:port)/dbname or user:password@unix(/path/to.sock)/dbname")
        }
        var rest = Substring(text)
        var user = "", password: String?
        if let credentials = MySQLDSN.credentials(in: rest) {
            user = String(rest[credentials.user])
            password = credentials.password.map { String(rest[$0]) }
            rest = rest[rest.index(after: credentials.end)...]
        }
        // The address part may itself contain slashes (a unix socket path), so it ends at the
        // first ')' when there is one, else at the first '/'.
        let netEnd = rest.firstIndex(of: ")").map { rest.index(after: $0) } ?? rest.firstIndex(of: "/") ?? rest.endIndex
        let netPart = rest[..<netEnd]
        let tail = rest[netEnd...]
        guard tail.hasPrefix("/") else { throw invalid("the /dbname part is missing") }
        let afterNet = tail.dropFirst()
        let (database, query) = afterNet.firstIndex(of: "?").map { (afterNet[..<$0], afterNet[afterNet.index(after: $0)...]) } ?? (afterNet, "")
        guard !database.isEmpty else { throw invalid("the database name is empty") }
        var parameters: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            parameters[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        if let problem = MySQLDSN.problem(in: parameters) { throw invalid(problem) }
        self.init(user: user, password: password, address: try MySQLDSN.address(String(netPart), invalid: invalid), database: String(database), parameters: parameters)
    }

    /// A DSN from its parts.
    init(user: String, password: String?, address: Address, database: String, parameters: [String: String]) {
        self.user = user
        self.password = password
        self.address = address
        self.database = database
        self.parameters = parameters
    }

    private static func address(_ text: String, invalid: (String) -> StoreError) throws(StoreError) -> Address {
        if text.isEmpty { return .tcp(host: "127.0.0.1", port: 3306) }
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else { throw invalid("'\(text)' is not tcp(host:port) or unix(/path)") }
        let network = text[..<open]
        let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        switch network {
        case "unix":
            guard inner.hasPrefix("/") else { throw invalid("a unix socket path must be absolute") }
            return .unix(inner)
        case "tcp", "tcp4", "tcp6":
            if inner.hasPrefix("["), let close = inner.firstIndex(of: "]") {
                let host = String(inner[inner.index(after: inner.startIndex)..<close])
                let portText = inner[inner.index(after: close)...].dropFirst()
                return .tcp(host: host, port: UInt32(portText) ?? 3306)
            }
            let parts = inner.split(separator: ":", maxSplits: 1)
            guard let host = parts.first, !host.isEmpty else { return .tcp(host: "127.0.0.1", port: 3306) }
            guard parts.count == 1 || UInt32(parts[1]) != nil else { throw invalid("'\(parts[1])' is not a port") }
            return .tcp(host: String(host), port: parts.count > 1 ? UInt32(parts[1])! : 3306)
        default:
            throw invalid("network '\(network)' is not tcp or unix")
        }
    }

    /// The DSN with the password replaced by `***`, safe to print.
    package var description: String {
        let credentials = user.isEmpty && password == nil ? "" : user + (password == nil ? "" : ":***") + "@"
        let address: String = switch self.address {
        case .tcp(let host, let port): "tcp(\(host.contains(":") ? "[\(host)]" : host):\(port))"
        case .unix(let path): "unix(\(path))"
        }
        return "\(credentials)\(address)/\(database)"
    }

    /// Where `text`'s credentials are, as the parser reads them: they end at the last '@'
    /// with no '/' before it (`end`), and the password runs from the first ':' in them to
    /// there. Nil when `text` has no credentials.
    package static func credentials(in text: Substring) -> (user: Range<Substring.Index>, password: Range<Substring.Index>?, end: Substring.Index)? {
        guard let at = text.lastIndex(of: "@"), !text[..<at].contains("/") else { return nil }
        guard let colon = text[..<at].firstIndex(of: ":") else { return (text.startIndex..<at, nil, at) }
        return (text.startIndex..<colon, text.index(after: colon)..<at, at)
    }

    /// `text` with anything between the first ':' and the last '@' masked.
    static func redact(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let colon = text[..<at].firstIndex(of: ":") else { return text }
        return String(text[...colon]) + "***" + String(text[at...])
    }
}

extension MySQLDSN {
    /// How a connection uses TLS, from the DSN's `tls` parameter as go-sql-driver spells it.
    package enum TLSMode: String, Sendable, Equatable {
        /// `tls=false` (the default): plain TCP.
        case off = "false"
        /// `tls=true`: TLS required, server certificate and host name verified.
        case verified = "true"
        /// `tls=skip-verify`: TLS required, the certificate is not checked.
        case skipVerify = "skip-verify"
        /// `tls=preferred`: TLS when the server offers it, without verification, else plain.
        case preferred = "preferred"
    }

    /// go-sql-driver's DSN parameters (its README, v1.8) and what bearmon does with each.
    /// Applied: `tls`, `timeout`, `readTimeout`, `writeTimeout`. Checked and ignored, because
    /// bearmon's choice is fixed: `charset` and `collation` (bearmon uses utf8mb4), `loc` and
    /// `parseTime` (bearmon stores times as numbers in UTC). Accepted and ignored, since they
    /// concern Go's driver only: the rest. Anything else (go-sql-driver would send it as a
    /// system variable) is refused, naming it.
    static let knownParameters: Set = [
        "tls", "timeout", "readTimeout", "writeTimeout",
        "charset", "collation", "loc", "parseTime", "timeTruncate",
        "allowAllFiles", "allowCleartextPasswords", "allowFallbackToPlaintext", "allowNativePasswords", "allowOldPasswords",
        "checkConnLiveness", "clientFoundRows", "columnsWithAlias", "compress", "connectionAttributes", "interpolateParams",
        "maxAllowedPacket", "multiStatements", "rejectReadOnly", "serverPubKey", "strict",
    ]

    /// The TLS mode the DSN asks for.
    package var tls: TLSMode { parameters["tls"].flatMap { TLSMode(rawValue: $0.lowercased()) } ?? .off }

    /// Checks parameters by go-sql-driver's names; returns the reason for the first that
    /// cannot be used.
    static func problem(in parameters: [String: String]) -> String? {
        for name in parameters.keys.sorted() where !knownParameters.contains(name) {
            return "unknown parameter '\(name)'; go-sql-driver's parameters (tls, timeout, readTimeout, writeTimeout, charset, parseTime, ...) are accepted, system variables are not"
        }
        if let tls = parameters["tls"], TLSMode(rawValue: tls.lowercased()) == nil {
            return "tls=\(tls) is not one of true, false, skip-verify, preferred (a named TLS config cannot be registered outside Go)"
        }
        for name in ["timeout", "readTimeout", "writeTimeout"] where parameters[name] != nil {
            if seconds(parameters[name]!) == nil { return "\(name)=\(parameters[name]!) is not a duration such as 5s, 500ms or 2m" }
        }
        for name in ["parseTime", "allowNativePasswords", "clientFoundRows", "columnsWithAlias", "interpolateParams", "multiStatements",
                     "rejectReadOnly", "allowAllFiles", "allowCleartextPasswords", "allowOldPasswords", "checkConnLiveness", "allowFallbackToPlaintext"]
        where parameters[name] != nil {
            guard ["true", "false", "1", "0"].contains(parameters[name]!.lowercased()) else { return "\(name)=\(parameters[name]!) is not true or false" }
        }
        if let charset = parameters["charset"], !charset.split(separator: ",").contains(where: { $0.lowercased().hasPrefix("utf8") }) {
            return "charset=\(charset) is not a UTF-8 charset; bearmon always uses utf8mb4, so leave charset out"
        }
        return nil
    }

    /// A duration as go-sql-driver reads one (Go's `time.ParseDuration`: "5s", "500ms",
    /// "1m30s", "2h"; units ns, us, µs, ms, s, m, h) or plain seconds, in whole seconds of at
    /// least 1; nil when it is neither or too long.
    static func seconds(_ text: String) -> UInt32? {
        if let plain = UInt32(text) { return plain }
        let units: [(String, Double)] = [("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600)]
        var rest = Substring(text), total = 0.0
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            guard let (unit, factor) = units.first(where: { rest.hasPrefix($0.0) && !(($0.0 == "m") && rest.hasPrefix("ms")) }) else { return nil }
            rest = rest.dropFirst(unit.count)
            total += value * factor
        }
        guard total.isFinite, total < Double(UInt32.max) else { return nil }
        return UInt32(max(1, total.rounded(.up)))
    }

    /// The same DSN with `password`, from outside the DSN (``MySQLPassword``).
    func with(password: String) -> MySQLDSN {
        MySQLDSN(user: user, password: password, address: address, database: database, parameters: parameters)
    }
}

import BearmonStore

/// Hides MySQL passwords given on the command line (`--db 'user:pass@tcp(host)/db'`) from
/// `ps` and /proc/PID/cmdline by overwriting them with `x` in the process's own argv, as the
/// mysql client does. Only what other users can read changes: the arguments were copied
/// before (``BearmonMain/run()`` reads `CommandLine.arguments` first). The window before this
/// runs is short but real; `BEARMON_DB_PASSWORD` and `[store] passwordFile` have none.
enum ArgvPasswords {
    /// Overwrites the password of every argument that is a MySQL `--db` value.
    static func scrub() {
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = Array(String(cString: pointer).utf8)
            guard let range = passwordRange(in: bytes) else { continue }
            for offset in range { pointer[offset] = CChar(UInt8(ascii: "x")) }
        }
    }

    /// Where the password sits in `argument` (bytes): in a value `StoreLocation` reads as a
    /// MySQL DSN with a password, given alone or as `--db=VALUE`, optionally after `mysql:`.
    static func passwordRange(in argument: [UInt8]) -> Range<Int>? {
        let text = String(decoding: argument, as: UTF8.self)
        var start = text.hasPrefix("--db=") ? 5 : 0
        let value = String(decoding: argument[start...], as: UTF8.self)
        guard case .mysql(let dsns)? = try? StoreLocation.parse(value), let password = dsns.first?.password, !password.isEmpty else {
            return nil
        }
        if value.hasPrefix("mysql:") { start += 6 }
        // As MySQLDSN reads it: credentials end at the last '@' with no '/' before it, and
        // the password runs from the first ':' in them to that '@'.
        let dsn = argument[start...]
        guard let at = dsn.lastIndex(of: UInt8(ascii: "@")), !dsn[..<at].contains(UInt8(ascii: "/")),
              let colon = dsn[..<at].firstIndex(of: UInt8(ascii: ":")),
              Array(dsn[(colon + 1)..<at]) == Array(password.utf8) else { return nil }
        return (colon + 1)..<at
    }
}

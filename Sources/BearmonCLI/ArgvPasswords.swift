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
        // Offsets are counted in the decoded text, so only text that decodes unchanged.
        let text = String(decoding: argument, as: UTF8.self)
        guard text.utf8.elementsEqual(argument) else { return nil }
        var value = Substring(text)
        if value.hasPrefix("--db=") { value = value.dropFirst(5) }
        guard case .mysql(let dsns)? = try? StoreLocation.parse(String(value)), dsns.first?.password?.isEmpty == false else { return nil }
        if value.hasPrefix("mysql:") { value = value.dropFirst(6) }
        guard let password = MySQLDSN.credentials(in: value)?.password else { return nil }
        let utf8 = text.utf8
        return utf8.distance(from: utf8.startIndex, to: password.lowerBound)..<utf8.distance(from: utf8.startIndex, to: password.upperBound)
    }
}

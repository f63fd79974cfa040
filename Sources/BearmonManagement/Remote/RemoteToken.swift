import Glibc

/// The API token the CLI sends with `--api`: only ever from the environment variable
/// `BEARMON_TOKEN`, never from argv, where `ps` and /proc/PID/cmdline show it to every user.
package enum RemoteToken {
    /// The variable the token is read from.
    package static let variable = "BEARMON_TOKEN"

    /// The token in ``variable``, or nil when it is unset or empty (reads may not need one).
    /// A value that could not be a header value is refused, naming the variable, never the value.
    package static func fromEnvironment() throws(CatalogError) -> String? {
        guard let raw = getenv(variable) else { return nil }
        // One trailing line break, as `export BEARMON_TOKEN=$(cat file)` or a file read leaves it.
        var token = String(cString: raw)
        if token.hasSuffix("\n") { token.removeLast() }
        if token.hasSuffix("\r") { token.removeLast() }
        guard !token.isEmpty else { return nil }
        // Visible ASCII only: a line break would end the header and start another one.
        guard token.utf8.allSatisfy({ (0x21...0x7e).contains($0) }), token.utf8.count <= 1024 else {
            throw CatalogError(.invalid, "\(variable) holds \(token.utf8.count > 1024 ? "more than 1024 characters" : "spaces, line breaks or other characters a token cannot have"); set it to the token `bearmon tokens add` printed, which starts with bm_")
        }
        return token
    }
}

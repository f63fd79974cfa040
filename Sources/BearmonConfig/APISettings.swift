package import BearmonSystem

/// `[api]`: how a node's HTTP surfaces for people and services treat requests without a
/// token (README, "Access"). Writes always need a write token; this decides only reads.
package struct APISettings: Sendable, Equatable {
    /// `[api] openReads`, nil when unset: then ``readsAreOpen(listen:)`` decides by the
    /// listen address.
    package var openReads: Bool?

    /// The settings with `openReads` (nil: the default for the address).
    package init(openReads: Bool? = nil) {
        self.openReads = openReads
    }

    /// `[api]` from `config`; a value that is not a boolean names the file and line.
    package static func from(_ config: Config) throws(ConfigError) -> APISettings {
        APISettings(openReads: try config.bool("api", "openReads"))
    }

    /// Whether reads need no token on a node listening on `listen`: `openReads` when set,
    /// else true exactly when only this machine can connect (README's quick start reads
    /// `/v1/checks` with no token), false on any other address.
    package func readsAreOpen(listen: HostPort) -> Bool {
        openReads ?? Self.isLoopbackOnly(listen.host)
    }

    /// Whether a server bound to `host` is reachable only from this machine: `localhost`,
    /// `::1`, or an IPv4 literal in 127.0.0.0/8 (also written IPv4-mapped). A wildcard, a
    /// name or any other address is not.
    package static func isLoopbackOnly(_ host: String) -> Bool {
        let host = host.lowercased()
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let v4 = host.hasPrefix("::ffff:") ? String(host.dropFirst("::ffff:".count)) : host
        let parts = v4.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) && UInt8($0) != nil }) else { return false }
        return parts[0] == "127"
    }
}

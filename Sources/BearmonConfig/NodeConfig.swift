package import BearmonSystem
import Foundation

/// What a cluster node needs from a gobearmon-style config file: its role, its addresses,
/// the shared password, its name and its TLS settings. gobearmon's keys keep their meaning;
/// new ones live beside them (`[default] node`, `cert`, `key`, `ca`, `insecure`).
package struct NodeConfig: Sendable {
    /// The role a config file describes.
    package enum Role: String, Sendable {
        /// `[viewserver] addr` is set.
        case viewserver
        /// `[controller] addr` is set: a worker that also holds a controller candidate.
        case worker
    }

    /// The parsed file.
    package let config: Config
    /// The role.
    package let role: Role
    /// Where this node serves (its `[controller] addr` or `[viewserver] addr`).
    package let listen: HostPort
    /// The address others reach this node at: `listen`, with a wildcard host replaced by
    /// this machine's host name.
    package let advertised: HostPort
    /// This node's stable name: `[default] node`, else host:port.
    package let node: String
    /// The shared secret every request is signed with; never sent.
    package let password: String
    /// TLS material, when `[default] cert` and `key` are set.
    package let tls: TLSFiles?
    /// `[default] insecure`: allows check definitions to travel without TLS off loopback.
    package let insecure: Bool
    /// `[default] alias`: other host:port names peers dial this node at (a DNS name, an
    /// address behind NAT); signed requests must name this node (see ``listen``).
    package let aliases: [HostPort]
    /// `[server]`: connection limits and timeouts.
    package let server: ServerSettings
    /// `[api]`: whether reads need a token (README, "Access").
    package let api: APISettings
    /// `[metrics]`: whether `/metrics` is open to anyone.
    package let metrics: MetricsSettings

    /// TLS files for serving and for verifying peers.
    package struct TLSFiles: Sendable, Equatable {
        /// PEM certificate chain.
        package let certificate: String
        /// PEM private key.
        package let key: String
        /// PEM CA bundle that peers' certificates must chain to; nil for the system's.
        package let ca: String?
    }

    /// Reads the role and common settings from `config`; every problem names the file, the
    /// line and the fix.
    package init(_ config: Config) throws(ConfigError) {
        self.config = config
        switch Self.roleAddresses(config) {
        case (.some, .some):
            throw ConfigError(file: config.file, line: config.section("viewserver")?.lines["addr"] ?? 0,
                              reason: "both [viewserver] addr and [controller] addr are set; a file describes one role (use one file per node)")
        case (nil, nil):
            throw ConfigError(file: config.file, line: 0, reason: "neither [viewserver] addr nor [controller] addr is set, so the role is unknown")
        case (let address?, nil):
            role = .viewserver
            listen = try Self.address(address, config, "viewserver")
        case (nil, let address?):
            role = .worker
            listen = try Self.address(address, config, "controller")
        }
        advertised = HostPort(host: ["", "0.0.0.0", "::"].contains(listen.host) ? (ProcessInfo.processInfo.hostName) : listen.host, port: listen.port)
        node = try Self.name(in: config) ?? advertised.description
        password = try Self.password(config)
        insecure = try config.bool("default", "insecure") ?? false
        aliases = try Self.aliases(config)
        tls = try Self.tls(config)
        server = try ServerSettings.from(config)
        api = try APISettings.from(config)
        metrics = try MetricsSettings.from(config)
    }

    /// Whether `config` describes a cluster node at all: `[viewserver] addr` or `[controller] addr` is set.
    package static func describesNode(_ config: Config) -> Bool {
        let (view, controller) = roleAddresses(config)
        return view != nil || controller != nil
    }

    /// `[default] node`, when set: the node's name, refused when it cannot be one.
    package static func name(in config: Config) throws(ConfigError) -> String? {
        guard let name = config.string("default", "node") else { return nil }
        if let problem = NodeName.problem(name) { throw config.error("default", "node", problem) }
        return name
    }

    /// `[viewserver] addr` and `[controller] addr`: which is set decides the role.
    private static func roleAddresses(_ config: Config) -> (view: String?, controller: String?) {
        (config.string("viewserver", "addr"), config.string("controller", "addr"))
    }

    /// gobearmon writes ":8888" for "every interface, port 8888".
    private static func address(_ text: String, _ config: Config, _ section: String) throws(ConfigError) -> HostPort {
        let normalized = text.hasPrefix(":") ? "0.0.0.0" + text : text
        do {
            return try HostPort(parsing: normalized)
        } catch {
            throw config.error(section, "addr", error.reason, cause: error)
        }
    }

    private static func aliases(_ config: Config) throws(ConfigError) -> [HostPort] {
        var aliases: [HostPort] = []
        for text in config.list("default", "alias") {
            do {
                aliases.append(try HostPort(parsing: text))
            } catch {
                throw config.error("default", "alias", error.reason, cause: error)
            }
        }
        return aliases
    }

    private static func password(_ config: Config) throws(ConfigError) -> String {
        guard let password = config.string("default", "password"), !password.isEmpty else {
            throw ConfigError(file: config.file, line: config.section("default")?.lines["password"] ?? 0,
                              reason: "[default] password is empty or missing; set a long random shared secret, the same on every node")
        }
        guard password != "secretChangeMe" else {
            throw config.error("default", "password", "is gobearmon's sample password 'secretChangeMe'; replace it with a long random shared secret on every node")
        }
        return password
    }

    private static func tls(_ config: Config) throws(ConfigError) -> TLSFiles? {
        let certificate = config.string("default", "cert"), key = config.string("default", "key")
        switch (certificate, key) {
        case (nil, nil): return nil
        case (let certificate?, let key?):
            let ca = config.string("default", "ca")
            for (name, path) in [("cert", certificate), ("key", key)] + (ca.map { [("ca", $0)] } ?? [])
            where !FileManager.default.isReadableFile(atPath: path) {
                throw config.error("default", name, "cannot read \(path)")
            }
            return TLSFiles(certificate: certificate, key: key, ca: ca)
        default:
            throw config.error("default", certificate == nil ? "key" : "cert", "set both [default] cert and key to serve TLS, or neither")
        }
    }
}

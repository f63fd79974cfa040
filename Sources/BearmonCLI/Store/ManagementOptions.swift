import ArgumentParser
import BearmonManagement
import BearmonPlugins
import BearmonStore

/// Options of the management commands (checks, contacts, alerts): the database (`--db`, or
/// the one `--config` names) or a node's REST API (`--api`), which needs no database access.
/// Both go through a ``CatalogService``, so they validate, mask, refuse and print alike.
struct ManagementOptions: ParsableArguments {
    @Option(name: .long, help: "The database: sqlite:PATH, or a gobearmon MySQL DSN such as user:pass@tcp(127.0.0.1:3306)/bearmon. Default: [controller] database or [store] sqlite from --config, else sqlite:bearmon.sqlite.")
    var db: String?

    @Option(name: .long, help: "Manage through a bearmon node's REST API instead of the database, for example https://mon.example.org:8888. The API token is read from the environment variable BEARMON_TOKEN, never from the command line.")
    var api: String?

    @Option(name: .customLong("api-ca"), help: "With --api over https: a PEM file of the CA that signed the node's certificate (default: the system's CAs).")
    var apiCA: String?

    @Flag(name: .customLong("api-cleartext"), help: "With --api: allow plain http to a node that is not on loopback, on a network you trust (the token and check secrets cross it readable).")
    var apiCleartext = false

    /// Present only to refuse it with the reason: argv is readable by every user.
    @Option(name: .long, help: .hidden)
    var token: String?

    @OptionGroup var plugins: PluginOptions

    func validate() throws {
        if token != nil {
            throw CLIFailure("a token is never given on the command line, where `ps` and /proc show it to every user: set the environment variable \(RemoteToken.variable) instead (and revoke this one with `bearmon tokens rm`, since it was exposed)")
        }
        if db != nil, api != nil { throw ValidationError("give --db or --api, not both") }
        if api == nil, apiCA != nil || apiCleartext { throw ValidationError("--api-ca and --api-cleartext go with --api") }
    }

    /// The catalog the command works on: the store's, or the node's at `--api`.
    func open() throws -> ManagementSession {
        if let api {
            try plugins.setUpLogging(try plugins.loadConfig())
            do {
                let endpoint = try RemoteEndpoint(parsing: api)
                let catalog = try RemoteCatalog(endpoint: endpoint, token: try RemoteToken.fromEnvironment(), caFile: apiCA, allowCleartext: apiCleartext)
                return ManagementSession(catalog: catalog, local: nil)
            } catch {
                throw CLIFailure(cause: error)
            }
        }
        let host = try plugins.makeHost(threads: 1)
        let store = try StoreOptions.openStore(db: db, plugins: plugins)
        return ManagementSession(catalog: LocalCatalog(store: store, host: host), local: (store, host))
    }
}

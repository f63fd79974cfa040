import ArgumentParser
import BearmonStore

/// Options of every command that reads or writes the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The database: sqlite:PATH, or a gobearmon MySQL DSN such as user:pass@tcp(127.0.0.1:3306)/bearmon. Default: [controller] database or [store] sqlite from --config, else sqlite:bearmon.sqlite.")
    var db: String?

    @OptionGroup var plugins: PluginOptions

    /// Opens the store and applies any missing migrations (they only ever add tables).
    func openStore() throws -> SQLStore { try Self.openStore(db: db, plugins: plugins) }

    /// Opens the store `db` names, else the one `plugins`' config names, and migrates it.
    static func openStore(db: String?, plugins: PluginOptions) throws -> SQLStore {
        let config = try plugins.loadConfig()
        do {
            let store = try StoreLocation.resolve(db: db, config: config).open()
            try store.migrate()
            return store
        } catch {
            throw CLIFailure(cause: error)
        }
    }
}

import ArgumentParser
import BearmonStore

/// `bearmon db init|schema`.
struct DBCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Create or upgrade the database schema.",
        subcommands: [DBInitCommand.self, DBSchemaCommand.self]
    )
}

/// `bearmon db init`: applies the missing migrations; safe to run again.
struct DBInitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Apply missing schema migrations (idempotent; never drops or alters gobearmon's tables)."
    )

    @OptionGroup var options: StoreOptions

    func run() async throws {
        let config = try options.plugins.loadConfig()
        let store: SQLStore
        let applied: [Int]
        do {
            store = try StoreLocation.resolve(db: options.db, config: config).open()
            applied = try store.migrate()
        } catch {
            throw CLIFailure(cause: error)
        }
        let versions = applied.map(String.init).joined(separator: ", ")
        print(applied.isEmpty
              ? "\(store.location): schema is up to date (version \(Schema.latestVersion))"
              : "\(store.location): applied migration(s) \(versions); schema is at version \(Schema.latestVersion)")
    }
}

/// `bearmon db schema`: prints the MySQL schema (the repository's install.sql).
struct DBSchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schema", abstract: "Print the MySQL schema (install.sql).")

    func run() async throws { print(Migrator.mysqlScript, terminator: "") }
}

/// One step of the schema, in both dialects. Steps are applied in version order and never
/// changed once released; a new table or index is a new step.
package struct Migration: Sendable {
    /// The version this step brings the schema to.
    package let version: Int
    /// What it adds, for `schema_version.description`.
    package let description: String
    /// Its statements for MySQL.
    package let mysql: [String]
    /// Its statements for SQLite.
    package let sqlite: [String]
    /// For a step whose MySQL work depends on what the database has: picks, at migration
    /// time, which of `mysql`'s statements are still needed (install.sql prints them all).
    let mysqlNeeded: (@Sendable (any SQLDatabase) throws -> [String])?
    /// The same for SQLite, whose `sqlite` list is then empty (a rebuild that depends on
    /// what an earlier, cut-short run left).
    let sqliteNeeded: (@Sendable (any SQLDatabase) throws -> [String])?

    /// A step with fixed statements.
    init(version: Int, description: String, mysql: [String], sqlite: [String],
         mysqlNeeded: (@Sendable (any SQLDatabase) throws -> [String])? = nil,
         sqliteNeeded: (@Sendable (any SQLDatabase) throws -> [String])? = nil) {
        self.version = version
        self.description = description
        self.mysql = mysql
        self.sqlite = sqlite
        self.mysqlNeeded = mysqlNeeded
        self.sqliteNeeded = sqliteNeeded
    }

    /// The statements to run on `database` now.
    func statements(on database: any SQLDatabase) throws -> [String] {
        guard database.dialect == .mysql else { return try sqliteNeeded?(database) ?? sqlite }
        return try mysqlNeeded?(database) ?? mysql
    }
}

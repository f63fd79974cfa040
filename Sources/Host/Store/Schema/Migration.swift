/// One step of the schema, in both dialects. Steps are applied in version order and never
/// changed once released; a new table or index is a new step.
public struct Migration: Sendable {
    /// The version this step brings the schema to.
    public let version: Int
    /// What it adds, for `schema_version.description`.
    public let description: String
    /// Its statements for MySQL.
    public let mysql: [String]
    /// Its statements for SQLite.
    public let sqlite: [String]

    /// The statements for `dialect`.
    public func statements(for dialect: SQLDialect) -> [String] { dialect == .mysql ? mysql : sqlite }
}

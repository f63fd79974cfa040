extension Schema {
    /// The tables bearmon creates, which hold free text from targets and plugins.
    static let bearmonTableNames = ["check_results", "check_flips", "alert_outbox", "controller_view", "push_healthchecks", "push_status", "push_stats"]

    /// bearmon's own tables in utf8mb4 whatever the database's default charset is. Version 2
    /// created them in the database's default, and a gobearmon database made with
    /// `CHARACTER SET latin1` then refused (error 1366) any message with a character latin1
    /// lacks. gobearmon's own tables are left as they are.
    static let bearmonTablesUTF8 = Migration(
        version: 3,
        description: "bearmon tables in utf8mb4",
        mysql: bearmonTableNames.map(convertToUTF8),
        sqlite: [],
        mysqlNeeded: { database in
            // Only tables not already utf8mb4: converting rebuilds a table, and check_results can be large.
            let list = bearmonTableNames.map { "'\($0)'" }.joined(separator: ", ")
            return try database.query(
                """
                SELECT TABLE_NAME FROM information_schema.TABLES
                WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (\(list)) AND TABLE_COLLATION NOT LIKE 'utf8mb4%'
                ORDER BY TABLE_NAME
                """
            ).map { convertToUTF8($0.string(0)) }
        }
    )

    private static func convertToUTF8(_ table: String) -> String {
        "ALTER TABLE \(table) CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
    }
}

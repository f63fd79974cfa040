extension Schema {
    /// The push tables' keys compared byte for byte on MySQL, as SQLite's TEXT keys already
    /// are. Under `utf8mb4_unicode_ci` a push for `BEARMON.node.alive` or `béarmon.node.alive`
    /// was the same row as bearmon's own `bearmon.node.alive`, so the open API could overwrite
    /// a node's self-health on MySQL though its id is reserved; and `App` and `app` were two
    /// services on one backend and one on the other.
    static let exactPushKeys = Migration(
        version: 4,
        description: "push keys compared exactly",
        mysql: [
            "ALTER TABLE push_healthchecks MODIFY healthcheck_id \(binaryKey), MODIFY node_id \(binaryKey)",
            "ALTER TABLE push_status MODIFY node_id \(binaryKey)",
            "ALTER TABLE push_stats MODIFY node_id \(binaryKey)",
        ],
        sqlite: []
    )

    /// A push key column in a binary collation: equal only when the bytes are.
    private static let binaryKey = "VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL"
}

extension Schema {
    /// The nodes a check is pinned to (`--nodes`): when a check has rows here, only those
    /// workers run it. Beside gobearmon's `checks`, which stays as it is.
    static let checkNodesTable = Migration(
        version: 9,
        description: "check_nodes",
        mysql: [
            """
            CREATE TABLE IF NOT EXISTS check_nodes (
            	check_id INT NOT NULL,
            	node VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
            	PRIMARY KEY (check_id, node)
            ) DEFAULT CHARSET=utf8mb4
            """,
        ],
        sqlite: [
            """
            CREATE TABLE IF NOT EXISTS check_nodes (
            	check_id INTEGER NOT NULL,
            	node TEXT NOT NULL,
            	PRIMARY KEY (check_id, node)
            )
            """,
        ]
    )
}

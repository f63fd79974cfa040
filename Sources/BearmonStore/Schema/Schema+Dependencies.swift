extension Schema {
    /// Dependencies between checks and what the alerting rules keep per check (issue 22): its
    /// last confirmed states for flapping, when it started flapping, and the offline parent
    /// that makes it unreachable. All in the database, so that a failover continues from rows.
    static let dependencyTables = Migration(
        version: 8,
        description: "check_dependencies, check_alert_states",
        mysql: [
            """
            CREATE TABLE IF NOT EXISTS check_dependencies (
            	check_id INT NOT NULL,
            	parent_id INT NOT NULL,
            	PRIMARY KEY (check_id, parent_id),
            	INDEX check_dependencies_parent (parent_id)
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS check_alert_states (
            	check_id INT NOT NULL PRIMARY KEY,
            	states VARCHAR(32) CHARACTER SET ascii NOT NULL DEFAULT '',
            	confirmed_at BIGINT NOT NULL DEFAULT 0,
            	flapping_share DOUBLE NOT NULL DEFAULT 0,
            	flapping_since BIGINT NULL,
            	unreachable_parent INT NULL,
            	unreachable_since BIGINT NULL
            )
            """,
        ],
        sqlite: [
            """
            CREATE TABLE IF NOT EXISTS check_dependencies (
            	check_id INTEGER NOT NULL,
            	parent_id INTEGER NOT NULL,
            	PRIMARY KEY (check_id, parent_id)
            )
            """,
            "CREATE INDEX IF NOT EXISTS check_dependencies_parent ON check_dependencies (parent_id)",
            """
            CREATE TABLE IF NOT EXISTS check_alert_states (
            	check_id INTEGER NOT NULL PRIMARY KEY,
            	states TEXT NOT NULL DEFAULT '',
            	confirmed_at INTEGER NOT NULL DEFAULT 0,
            	flapping_share REAL NOT NULL DEFAULT 0,
            	flapping_since INTEGER NULL,
            	unreachable_parent INTEGER NULL,
            	unreachable_since INTEGER NULL
            )
            """,
        ]
    )
}

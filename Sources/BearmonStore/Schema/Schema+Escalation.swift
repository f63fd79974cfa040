extension Schema {
    /// What reaching someone needs (issue 23): per alert, how long after a flip it escalates,
    /// how often it reminds and whom it falls back to (beside gobearmon's `alerts`, which stays
    /// as gobearmon has it); the acknowledgements of outages (one per acknowledge link at
    /// most: `via_event_id` is unique); and, on a fallback row, the event it stands in for.
    /// All in the database, so that a failover continues from rows.
    static let escalationTables = Migration(
        version: 10,
        description: "alert_options, check_acks; alert_outbox.fallback_of",
        mysql: [
            """
            CREATE TABLE IF NOT EXISTS alert_options (
            	alert_id INT NOT NULL PRIMARY KEY,
            	after_ms BIGINT NOT NULL DEFAULT 0,
            	repeat_ms BIGINT NOT NULL DEFAULT 0,
            	fallback_contact_id INT NULL
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS check_acks (
            	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
            	check_id INT NOT NULL,
            	flip_id VARCHAR(36) CHARACTER SET ascii NOT NULL,
            	acked_by VARCHAR(128) NOT NULL DEFAULT '',
            	comment VARCHAR(1024) NOT NULL DEFAULT '',
            	until_at BIGINT NULL,
            	created_at BIGINT NOT NULL,
            	cleared_at BIGINT NULL,
            	via_event_id VARCHAR(36) CHARACTER SET ascii NULL,
            	INDEX check_acks_check (check_id, cleared_at),
            	UNIQUE INDEX check_acks_via (via_event_id)
            ) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
            """,
            "ALTER TABLE alert_outbox ADD COLUMN IF NOT EXISTS fallback_of VARCHAR(36) CHARACTER SET ascii NULL",
            "CREATE INDEX IF NOT EXISTS alert_outbox_fallback_of ON alert_outbox (fallback_of)",
        ],
        sqlite: [],
        sqliteNeeded: { database in
            var statements = [
                """
                CREATE TABLE IF NOT EXISTS alert_options (
                	alert_id INTEGER NOT NULL PRIMARY KEY,
                	after_ms INTEGER NOT NULL DEFAULT 0,
                	repeat_ms INTEGER NOT NULL DEFAULT 0,
                	fallback_contact_id INTEGER NULL
                )
                """,
                """
                CREATE TABLE IF NOT EXISTS check_acks (
                	id INTEGER PRIMARY KEY AUTOINCREMENT,
                	check_id INTEGER NOT NULL,
                	flip_id TEXT NOT NULL,
                	acked_by TEXT NOT NULL DEFAULT '',
                	comment TEXT NOT NULL DEFAULT '',
                	until_at INTEGER NULL,
                	created_at INTEGER NOT NULL,
                	cleared_at INTEGER NULL,
                	via_event_id TEXT NULL
                )
                """,
                "CREATE INDEX IF NOT EXISTS check_acks_check ON check_acks (check_id, cleared_at)",
                "CREATE UNIQUE INDEX IF NOT EXISTS check_acks_via ON check_acks (via_event_id)",
            ]
            let columns = try database.query("SELECT name FROM pragma_table_info('alert_outbox')").map { $0.string(0) }
            if !columns.contains("fallback_of") { statements.append("ALTER TABLE alert_outbox ADD COLUMN fallback_of TEXT NULL") }
            statements.append("CREATE INDEX IF NOT EXISTS alert_outbox_fallback_of ON alert_outbox (fallback_of)")
            return statements
        }
    )
}

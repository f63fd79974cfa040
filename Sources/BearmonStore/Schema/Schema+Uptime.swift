extension Schema {
    /// Uptime history that stays cheap: results rolled up per (check, hour) and per (check,
    /// local day) as they are written, the batches already written (so that a transaction run
    /// again after a lost commit never counts twice), and when each flip's outage or recovery
    /// began (the first result of the streak that led to it).
    static let uptimeTables = Migration(
        version: 7,
        description: "check_hourly, check_daily, result_batches; check_flips.began_at",
        mysql: [
            aggregateTable("check_hourly", bucket: "hour_start BIGINT NOT NULL", key: "hour_start", dialect: .mysql),
            aggregateTable("check_daily", bucket: "day INT NOT NULL", key: "day", dialect: .mysql),
            "CREATE INDEX IF NOT EXISTS check_hourly_hour ON check_hourly (hour_start)",
            "CREATE INDEX IF NOT EXISTS check_daily_day ON check_daily (day)",
            """
            CREATE TABLE IF NOT EXISTS result_batches (
            	batch_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
            	written_at BIGINT NOT NULL,
            	INDEX result_batches_written (written_at)
            )
            """,
            "ALTER TABLE check_flips ADD COLUMN IF NOT EXISTS began_at BIGINT NULL",
        ],
        sqlite: [],
        sqliteNeeded: { database in
            var statements = [
                aggregateTable("check_hourly", bucket: "hour_start INTEGER NOT NULL", key: "hour_start", dialect: .sqlite),
                aggregateTable("check_daily", bucket: "day INTEGER NOT NULL", key: "day", dialect: .sqlite),
                "CREATE INDEX IF NOT EXISTS check_hourly_hour ON check_hourly (hour_start)",
                "CREATE INDEX IF NOT EXISTS check_daily_day ON check_daily (day)",
                "CREATE TABLE IF NOT EXISTS result_batches (batch_id TEXT NOT NULL PRIMARY KEY, written_at INTEGER NOT NULL)",
                "CREATE INDEX IF NOT EXISTS result_batches_written ON result_batches (written_at)",
            ]
            let columns = try database.query("SELECT name FROM pragma_table_info('check_flips')").map { $0.string(0) }
            if !columns.contains("began_at") { statements.append("ALTER TABLE check_flips ADD COLUMN began_at INTEGER") }
            return statements
        }
    )

    private static func aggregateTable(_ name: String, bucket: String, key: String, dialect: SQLDialect) -> String {
        let (int, double) = dialect == .mysql ? ("BIGINT", "DOUBLE") : ("INTEGER", "REAL")
        return """
            CREATE TABLE IF NOT EXISTS \(name) (
            	check_id \(dialect == .mysql ? "INT" : "INTEGER") NOT NULL,
            	\(bucket),
            	results \(int) NOT NULL,
            	online \(int) NOT NULL,
            	latency_sum \(double) NOT NULL,
            	latency_min \(double) NOT NULL,
            	latency_max \(double) NOT NULL,
            	first_at \(int) NOT NULL,
            	last_at \(int) NOT NULL,
            	PRIMARY KEY (check_id, \(key))
            )
            """
    }
}

extension Schema {
    /// The notification ledger (what each contact last heard about each check), maintenance
    /// windows and silences, and the outbox's kinds, holds and new states.
    static let ledgerTables = Migration(
        version: 6,
        description: "notification_ledger, maintenances, silences; alert_outbox kinds and holds",
        mysql: [
            """
            ALTER TABLE alert_outbox
            	MODIFY state ENUM ('pending', 'delivered', 'failed', 'held', 'suppressed', 'cancelled') NOT NULL DEFAULT 'pending',
            	ADD COLUMN IF NOT EXISTS kind VARCHAR(16) NOT NULL DEFAULT 'flip',
            	ADD COLUMN IF NOT EXISTS not_before BIGINT NOT NULL DEFAULT 0,
            	ADD COLUMN IF NOT EXISTS hold_reason VARCHAR(255) NOT NULL DEFAULT '',
            	ADD COLUMN IF NOT EXISTS missed INT NOT NULL DEFAULT 0,
            	ADD COLUMN IF NOT EXISTS since_at BIGINT NOT NULL DEFAULT 0,
            	ADD COLUMN IF NOT EXISTS detail VARCHAR(1024) NOT NULL DEFAULT '',
            	ADD COLUMN IF NOT EXISTS contact_type VARCHAR(32) NULL,
            	ADD COLUMN IF NOT EXISTS contact_data VARCHAR(512) NULL
            """,
            "CREATE INDEX IF NOT EXISTS alert_outbox_pair ON alert_outbox (check_id, contact_id, state)",
            "CREATE INDEX IF NOT EXISTS alert_outbox_contact ON alert_outbox (contact_id, created_at)",
            """
            CREATE TABLE IF NOT EXISTS notification_ledger (
            	check_id INT NOT NULL,
            	contact_id INT NOT NULL,
            	status ENUM ('online', 'offline') NOT NULL,
            	event_id VARCHAR(64) NOT NULL,
            	heard_at BIGINT NOT NULL,
            	PRIMARY KEY (check_id, contact_id),
            	INDEX notification_ledger_contact (contact_id)
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS maintenances (
            	id INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
            	name VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL DEFAULT '',
            	check_id INT NULL,
            	tag VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
            	starts_at BIGINT NULL,
            	ends_at BIGINT NULL,
            	cron VARCHAR(255) NULL,
            	duration_s BIGINT NULL,
            	time_zone VARCHAR(64) NULL,
            	comment VARCHAR(1024) NOT NULL DEFAULT '',
            	created_by VARCHAR(128) NOT NULL DEFAULT '',
            	created_at BIGINT NOT NULL
            ) DEFAULT CHARSET=utf8mb4
            """,
            """
            CREATE TABLE IF NOT EXISTS silences (
            	id INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
            	check_id INT NULL,
            	tag VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
            	starts_at BIGINT NOT NULL,
            	expires_at BIGINT NOT NULL,
            	comment VARCHAR(1024) NOT NULL DEFAULT '',
            	created_by VARCHAR(128) NOT NULL DEFAULT '',
            	created_at BIGINT NOT NULL,
            	ended_at BIGINT NULL,
            	INDEX silences_expiry (expires_at)
            ) DEFAULT CHARSET=utf8mb4
            """,
        ],
        sqlite: [],
        sqliteNeeded: { database in
            let columns = try database.query("SELECT name FROM pragma_table_info('alert_outbox')").map { $0.string(0) }
            var statements: [String] = []
            if columns.isEmpty {
                // A rebuild cut short after the drop: finish it.
                statements.append("ALTER TABLE alert_outbox_v6 RENAME TO alert_outbox")
            } else if !columns.contains("kind") {
                statements += [
                    "DROP TABLE IF EXISTS alert_outbox_v6",
                    sqliteOutbox(named: "alert_outbox_v6"),
                    """
                    INSERT INTO alert_outbox_v6 (\(sqliteOutboxCopiedColumns))
                    SELECT \(sqliteOutboxCopiedColumns) FROM alert_outbox
                    """,
                    "DROP TABLE alert_outbox",
                    "ALTER TABLE alert_outbox_v6 RENAME TO alert_outbox",
                ]
            }
            return statements + sqliteLedgerStatements
        }
    )

    /// The version-2 outbox columns, copied when SQLite's outbox is rebuilt.
    private static let sqliteOutboxCopiedColumns = """
        id, event_id, flip_id, check_id, contact_id, status, check_name, check_type, check_data, message, state, attempts,
        next_attempt, claimed_until, last_error, view, receipt, created_at, delivered_at
        """

    /// SQLite cannot change a CHECK constraint in place, so the outbox is rebuilt with the new states.
    private static func sqliteOutbox(named name: String) -> String {
        """
        CREATE TABLE \(name) (
        	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
        	event_id TEXT NOT NULL UNIQUE,
        	flip_id TEXT NOT NULL,
        	check_id INTEGER NOT NULL,
        	contact_id INTEGER NOT NULL,
        	status TEXT NOT NULL CHECK (status IN ('online', 'offline')),
        	check_name TEXT NOT NULL,
        	check_type TEXT NOT NULL,
        	check_data TEXT NOT NULL,
        	message TEXT NOT NULL,
        	state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed', 'held', 'suppressed', 'cancelled')),
        	attempts INTEGER NOT NULL DEFAULT 0,
        	next_attempt INTEGER NOT NULL,
        	claimed_until INTEGER NOT NULL DEFAULT 0,
        	last_error TEXT NOT NULL DEFAULT '',
        	view INTEGER NOT NULL,
        	receipt TEXT,
        	created_at INTEGER NOT NULL,
        	delivered_at INTEGER,
        	kind TEXT NOT NULL DEFAULT 'flip',
        	not_before INTEGER NOT NULL DEFAULT 0,
        	hold_reason TEXT NOT NULL DEFAULT '',
        	missed INTEGER NOT NULL DEFAULT 0,
        	since_at INTEGER NOT NULL DEFAULT 0,
        	detail TEXT NOT NULL DEFAULT '',
        	contact_type TEXT,
        	contact_data TEXT
        )
        """
    }

    private static let sqliteLedgerStatements = [
        "CREATE INDEX IF NOT EXISTS alert_outbox_due ON alert_outbox (state, next_attempt)",
        "CREATE INDEX IF NOT EXISTS alert_outbox_pair ON alert_outbox (check_id, contact_id, state)",
        "CREATE INDEX IF NOT EXISTS alert_outbox_contact ON alert_outbox (contact_id, created_at)",
        """
        CREATE TABLE IF NOT EXISTS notification_ledger (
        	check_id INTEGER NOT NULL,
        	contact_id INTEGER NOT NULL,
        	status TEXT NOT NULL CHECK (status IN ('online', 'offline')),
        	event_id TEXT NOT NULL,
        	heard_at INTEGER NOT NULL,
        	PRIMARY KEY (check_id, contact_id)
        )
        """,
        "CREATE INDEX IF NOT EXISTS notification_ledger_contact ON notification_ledger (contact_id)",
        """
        CREATE TABLE IF NOT EXISTS maintenances (
        	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
        	name TEXT NOT NULL DEFAULT '',
        	check_id INTEGER,
        	tag TEXT,
        	starts_at INTEGER,
        	ends_at INTEGER,
        	cron TEXT,
        	duration_s INTEGER,
        	time_zone TEXT,
        	comment TEXT NOT NULL DEFAULT '',
        	created_by TEXT NOT NULL DEFAULT '',
        	created_at INTEGER NOT NULL
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS silences (
        	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
        	check_id INTEGER,
        	tag TEXT,
        	starts_at INTEGER NOT NULL,
        	expires_at INTEGER NOT NULL,
        	comment TEXT NOT NULL DEFAULT '',
        	created_by TEXT NOT NULL DEFAULT '',
        	created_at INTEGER NOT NULL,
        	ended_at INTEGER
        )
        """,
        "CREATE INDEX IF NOT EXISTS silences_expiry ON silences (expires_at)",
    ]
}

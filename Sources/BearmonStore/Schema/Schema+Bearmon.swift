extension Schema {
    /// bearmon's own tables: result history, flips, the alert outbox, the controller view,
    /// and pushed healthchecks, status and stats. Times are unix milliseconds unless a
    /// column's name says otherwise.
    static let bearmonTables = Migration(
        version: 2,
        description: "bearmon tables: check_results, check_flips, alert_outbox, controller_view, push_*",
        mysql: [
            """
            CREATE TABLE IF NOT EXISTS check_results (
            	id BIGINT NOT NULL PRIMARY KEY AUTO_INCREMENT,
            	check_id INT NOT NULL,
            	node VARCHAR(128) NOT NULL,
            	time BIGINT NOT NULL,
            	status ENUM ('online', 'offline', 'fail') NOT NULL,
            	message VARCHAR(1024) NOT NULL,
            	latency_ms DOUBLE NOT NULL,
            	INDEX check_results_check_time (check_id, time),
            	INDEX check_results_time (time)
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS check_flips (
            	flip_id VARCHAR(64) NOT NULL PRIMARY KEY,
            	check_id INT NOT NULL,
            	check_event_id INT NOT NULL,
            	status ENUM ('online', 'offline') NOT NULL,
            	message VARCHAR(1024) NOT NULL,
            	view BIGINT NOT NULL,
            	time BIGINT NOT NULL,
            	INDEX check_flips_check (check_id, time)
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS alert_outbox (
            	id BIGINT NOT NULL PRIMARY KEY AUTO_INCREMENT,
            	event_id VARCHAR(64) NOT NULL,
            	flip_id VARCHAR(64) NOT NULL,
            	check_id INT NOT NULL,
            	contact_id INT NOT NULL,
            	status ENUM ('online', 'offline') NOT NULL,
            	check_name VARCHAR(64) NOT NULL,
            	check_type VARCHAR(16) NOT NULL,
            	check_data VARCHAR(2048) NOT NULL,
            	message VARCHAR(1024) NOT NULL,
            	state ENUM ('pending', 'delivered', 'failed') NOT NULL DEFAULT 'pending',
            	attempts INT NOT NULL DEFAULT 0,
            	next_attempt BIGINT NOT NULL,
            	claimed_until BIGINT NOT NULL DEFAULT 0,
            	last_error VARCHAR(1024) NOT NULL DEFAULT '',
            	view BIGINT NOT NULL,
            	receipt VARCHAR(255) NULL,
            	created_at BIGINT NOT NULL,
            	delivered_at BIGINT NULL,
            	UNIQUE KEY alert_outbox_event (event_id),
            	INDEX alert_outbox_due (state, next_attempt)
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS controller_view (
            	id TINYINT NOT NULL PRIMARY KEY,
            	number BIGINT NOT NULL,
            	holder VARCHAR(255) NOT NULL,
            	updated_at BIGINT NOT NULL
            )
            """,
            "INSERT IGNORE INTO controller_view (id, number, holder, updated_at) VALUES (1, 0, '', 0)",
            """
            CREATE TABLE IF NOT EXISTS push_healthchecks (
            	healthcheck_id VARCHAR(255) NOT NULL,
            	node_id VARCHAR(255) NOT NULL,
            	service_name VARCHAR(255) NOT NULL,
            	service_version VARCHAR(64) NOT NULL,
            	status INT NOT NULL,
            	timestamp BIGINT NOT NULL,
            	received_at BIGINT NOT NULL,
            	interval_s INT NOT NULL,
            	ttl_s INT NOT NULL,
            	body MEDIUMTEXT NOT NULL,
            	PRIMARY KEY (healthcheck_id, node_id),
            	INDEX push_healthchecks_service (service_name)
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS push_status (
            	node_id VARCHAR(255) NOT NULL PRIMARY KEY,
            	service_name VARCHAR(255) NOT NULL,
            	service_version VARCHAR(64) NOT NULL,
            	status INT NOT NULL,
            	info VARCHAR(1024) NOT NULL,
            	timestamp BIGINT NOT NULL,
            	received_at BIGINT NOT NULL,
            	interval_s INT NOT NULL,
            	ttl_s INT NOT NULL,
            	body MEDIUMTEXT NOT NULL
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS push_stats (
            	node_id VARCHAR(255) NOT NULL PRIMARY KEY,
            	service_name VARCHAR(255) NOT NULL,
            	service_version VARCHAR(64) NOT NULL,
            	timestamp BIGINT NOT NULL,
            	received_at BIGINT NOT NULL,
            	interval_s INT NOT NULL,
            	ttl_s INT NOT NULL,
            	body MEDIUMTEXT NOT NULL
            )
            """,
        ],
        sqlite: [
            """
            CREATE TABLE IF NOT EXISTS check_results (
            	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
            	check_id INTEGER NOT NULL,
            	node TEXT NOT NULL,
            	time INTEGER NOT NULL,
            	status TEXT NOT NULL CHECK (status IN ('online', 'offline', 'fail')),
            	message TEXT NOT NULL,
            	latency_ms REAL NOT NULL
            )
            """,
            "CREATE INDEX IF NOT EXISTS check_results_check_time ON check_results (check_id, time)",
            "CREATE INDEX IF NOT EXISTS check_results_time ON check_results (time)",
            """
            CREATE TABLE IF NOT EXISTS check_flips (
            	flip_id TEXT NOT NULL PRIMARY KEY,
            	check_id INTEGER NOT NULL,
            	check_event_id INTEGER NOT NULL,
            	status TEXT NOT NULL CHECK (status IN ('online', 'offline')),
            	message TEXT NOT NULL,
            	view INTEGER NOT NULL,
            	time INTEGER NOT NULL
            )
            """,
            "CREATE INDEX IF NOT EXISTS check_flips_check ON check_flips (check_id, time)",
            """
            CREATE TABLE IF NOT EXISTS alert_outbox (
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
            	state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
            	attempts INTEGER NOT NULL DEFAULT 0,
            	next_attempt INTEGER NOT NULL,
            	claimed_until INTEGER NOT NULL DEFAULT 0,
            	last_error TEXT NOT NULL DEFAULT '',
            	view INTEGER NOT NULL,
            	receipt TEXT,
            	created_at INTEGER NOT NULL,
            	delivered_at INTEGER
            )
            """,
            "CREATE INDEX IF NOT EXISTS alert_outbox_due ON alert_outbox (state, next_attempt)",
            """
            CREATE TABLE IF NOT EXISTS controller_view (
            	id INTEGER NOT NULL PRIMARY KEY,
            	number INTEGER NOT NULL,
            	holder TEXT NOT NULL,
            	updated_at INTEGER NOT NULL
            )
            """,
            "INSERT OR IGNORE INTO controller_view (id, number, holder, updated_at) VALUES (1, 0, '', 0)",
            """
            CREATE TABLE IF NOT EXISTS push_healthchecks (
            	healthcheck_id TEXT NOT NULL,
            	node_id TEXT NOT NULL,
            	service_name TEXT NOT NULL,
            	service_version TEXT NOT NULL,
            	status INTEGER NOT NULL,
            	timestamp INTEGER NOT NULL,
            	received_at INTEGER NOT NULL,
            	interval_s INTEGER NOT NULL,
            	ttl_s INTEGER NOT NULL,
            	body TEXT NOT NULL,
            	PRIMARY KEY (healthcheck_id, node_id)
            )
            """,
            "CREATE INDEX IF NOT EXISTS push_healthchecks_service ON push_healthchecks (service_name)",
            """
            CREATE TABLE IF NOT EXISTS push_status (
            	node_id TEXT NOT NULL PRIMARY KEY,
            	service_name TEXT NOT NULL,
            	service_version TEXT NOT NULL,
            	status INTEGER NOT NULL,
            	info TEXT NOT NULL,
            	timestamp INTEGER NOT NULL,
            	received_at INTEGER NOT NULL,
            	interval_s INTEGER NOT NULL,
            	ttl_s INTEGER NOT NULL,
            	body TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS push_stats (
            	node_id TEXT NOT NULL PRIMARY KEY,
            	service_name TEXT NOT NULL,
            	service_version TEXT NOT NULL,
            	timestamp INTEGER NOT NULL,
            	received_at INTEGER NOT NULL,
            	interval_s INTEGER NOT NULL,
            	ttl_s INTEGER NOT NULL,
            	body TEXT NOT NULL
            )
            """,
        ]
    )
}

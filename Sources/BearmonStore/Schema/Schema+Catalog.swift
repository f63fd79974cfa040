extension Schema {
    /// What managing bearmon without SQL needs beside gobearmon's tables, which stay as they
    /// are: contact names (unique, for config as code), check tags and per-check options (the
    /// `public` flag), API tokens (only their SHA-256 is stored), and secrets shared by every
    /// node on the database (the key that signs API cursors and browser sessions).
    static let catalogTables = Migration(
        version: 5,
        description: "contact_names, check_tags, check_options, api_tokens, shared_secrets",
        mysql: [
            """
            CREATE TABLE IF NOT EXISTS contact_names (
            	contact_id INT NOT NULL PRIMARY KEY,
            	name VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
            	UNIQUE KEY contact_names_name (name)
            ) DEFAULT CHARSET=utf8mb4
            """,
            """
            CREATE TABLE IF NOT EXISTS check_tags (
            	check_id INT NOT NULL,
            	tag VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
            	PRIMARY KEY (check_id, tag),
            	INDEX check_tags_tag (tag)
            ) DEFAULT CHARSET=utf8mb4
            """,
            """
            CREATE TABLE IF NOT EXISTS check_options (
            	check_id INT NOT NULL PRIMARY KEY,
            	public TINYINT(1) NOT NULL DEFAULT 0
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS api_tokens (
            	id INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
            	name VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
            	scope ENUM ('read', 'write') NOT NULL,
            	token_sha256 CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
            	created_at BIGINT NOT NULL,
            	last_used_at BIGINT NULL,
            	UNIQUE KEY api_tokens_name (name),
            	UNIQUE KEY api_tokens_hash (token_sha256)
            ) DEFAULT CHARSET=utf8mb4
            """,
            """
            CREATE TABLE IF NOT EXISTS shared_secrets (
            	name VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
            	value CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
            	created_at BIGINT NOT NULL
            )
            """,
        ],
        sqlite: [
            """
            CREATE TABLE IF NOT EXISTS contact_names (
            	contact_id INTEGER NOT NULL PRIMARY KEY,
            	name TEXT NOT NULL UNIQUE
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS check_tags (
            	check_id INTEGER NOT NULL,
            	tag TEXT NOT NULL,
            	PRIMARY KEY (check_id, tag)
            )
            """,
            "CREATE INDEX IF NOT EXISTS check_tags_tag ON check_tags (tag)",
            """
            CREATE TABLE IF NOT EXISTS check_options (
            	check_id INTEGER NOT NULL PRIMARY KEY,
            	public INTEGER NOT NULL DEFAULT 0
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS api_tokens (
            	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
            	name TEXT NOT NULL UNIQUE,
            	scope TEXT NOT NULL CHECK (scope IN ('read', 'write')),
            	token_sha256 TEXT NOT NULL UNIQUE,
            	created_at INTEGER NOT NULL,
            	last_used_at INTEGER
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS shared_secrets (
            	name TEXT NOT NULL PRIMARY KEY,
            	value TEXT NOT NULL,
            	created_at INTEGER NOT NULL
            )
            """,
        ]
    )
}

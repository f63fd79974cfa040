extension Schema {
    /// gobearmon's install.sql, column for column.
    static let gobearmonTables = Migration(
        version: 1,
        description: "gobearmon tables: checks, contacts, alerts, check_events, charges",
        mysql: [
            """
            CREATE TABLE IF NOT EXISTS checks (
            	id INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
            	name VARCHAR(64) NOT NULL,
            	type VARCHAR(16) NOT NULL,
            	data VARCHAR(1024) NOT NULL,
            	check_interval INT NOT NULL DEFAULT 60,
            	delay INT NOT NULL DEFAULT 1,
            	status ENUM ('online', 'offline') DEFAULT 'online',
            	enabled TINYINT(1) NOT NULL DEFAULT 1
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS contacts (
            	id INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
            	type VARCHAR(32) NOT NULL,
            	data VARCHAR(512) NOT NULL
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS alerts (
            	id INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
            	check_id INT NOT NULL,
            	contact_id INT NOT NULL,
            	type ENUM ('online', 'offline', 'both') DEFAULT 'both',
            	enabled TINYINT(1) NOT NULL DEFAULT 1
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS check_events (
            	id INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
            	check_id INT NOT NULL,
            	type ENUM ('online', 'offline'),
            	time TIMESTAMP DEFAULT CURRENT_TIMESTAMP
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS charges (
            	id INT NOT NULL PRIMARY KEY AUTO_INCREMENT,
            	check_id INT NOT NULL,
            	type VARCHAR(32) NOT NULL,
            	data VARCHAR(512) NOT NULL
            )
            """,
        ],
        sqlite: [
            """
            CREATE TABLE IF NOT EXISTS checks (
            	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
            	name TEXT NOT NULL CHECK (length(name) <= 64),
            	type TEXT NOT NULL CHECK (length(type) <= 16),
            	data TEXT NOT NULL CHECK (length(data) <= 1024),
            	check_interval INTEGER NOT NULL DEFAULT 60,
            	delay INTEGER NOT NULL DEFAULT 1,
            	status TEXT DEFAULT 'online',
            	enabled INTEGER NOT NULL DEFAULT 1
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS contacts (
            	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
            	type TEXT NOT NULL CHECK (length(type) <= 32),
            	data TEXT NOT NULL CHECK (length(data) <= 512)
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS alerts (
            	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
            	check_id INTEGER NOT NULL,
            	contact_id INTEGER NOT NULL,
            	type TEXT DEFAULT 'both' CHECK (type IN ('online', 'offline', 'both')),
            	enabled INTEGER NOT NULL DEFAULT 1
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS check_events (
            	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
            	check_id INTEGER NOT NULL,
            	type TEXT CHECK (type IN ('online', 'offline')),
            	time TEXT DEFAULT CURRENT_TIMESTAMP
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS charges (
            	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
            	check_id INTEGER NOT NULL,
            	type TEXT NOT NULL CHECK (length(type) <= 32),
            	data TEXT NOT NULL CHECK (length(data) <= 512)
            )
            """,
        ]
    )
}

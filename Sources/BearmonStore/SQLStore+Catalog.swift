package import BearmonCore

extension SQLStore {
    private static let checkColumns = "id, name, type, data, check_interval, delay, status, enabled"

    /// Every check row.
    package func checkRows() throws -> [CheckRow] {
        try database.query("SELECT \(Self.checkColumns) FROM checks ORDER BY id").map(Self.checkRow)
    }

    /// One check row.
    package func checkRow(_ id: Int64) throws -> CheckRow? {
        try database.query("SELECT \(Self.checkColumns) FROM checks WHERE id = ?", [.int(id)]).first.map(Self.checkRow)
    }

    /// Every contact.
    package func contacts() throws -> [Contact] {
        try database.query("SELECT id, type, data FROM contacts ORDER BY id").map {
            Contact(id: $0.int(0), type: $0.string(1), data: $0.string(2))
        }
    }

    /// Every alert; an unknown or NULL type reads as nil: such an alert never notifies.
    package func alerts() throws -> [Alert] {
        try database.query("SELECT id, check_id, contact_id, type, enabled FROM alerts ORDER BY id").map {
            Alert(id: $0.int(0), checkID: $0.int(1), contactID: $0.int(2),
                  type: $0[3].text.flatMap(AlertType.init(rawValue:)), enabled: $0.int(4) != 0)
        }
    }

    private static func checkRow(_ row: SQLRow) -> CheckRow {
        CheckRow(id: row.int(0), name: row.string(1), type: row.string(2), data: row.string(3),
                 interval: row.int(4), delay: row.int(5), status: row[6].text, enabled: row.int(7) != 0)
    }
}

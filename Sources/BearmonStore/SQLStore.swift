import Foundation

/// The ``Store`` over either SQL backend. The statements are written once, in SQL both
/// MySQL and SQLite accept; the few places where they differ ask ``SQLDialect``.
package final class SQLStore: Store, Sendable {
    /// The backend.
    package let database: any SQLDatabase

    /// A store over `database`.
    package init(database: any SQLDatabase) { self.database = database }

    /// Where the data is.
    package var location: String { database.location }

    /// Applies missing migrations.
    @discardableResult
    package func migrate() throws -> [Int] { try Migrator(database: database).migrate() }

    /// Refuses `value` when it is longer than `limit` code points (as MySQL's VARCHAR and
    /// SQLite's `length()` count): truncating a check's data would silently change it.
    func checkLength(_ field: String, _ value: String, limit: Int) throws {
        let length = value.unicodeScalars.count
        if length > limit { throw StoreError.tooLong(field: field, length: length, limit: limit) }
    }

    /// `SELECT ... FOR UPDATE` on MySQL, so a concurrent view raise waits for the
    /// transaction; SQLite's BEGIN IMMEDIATE already serialises writers.
    var forUpdate: String { database.dialect == .mysql ? " FOR UPDATE" : "" }

    /// Throws unless the view row still holds `view`; call inside a transaction.
    func checkFence(_ view: Int64, in executor: any SQLExecutor) throws {
        let current = try executor.query("SELECT number FROM controller_view WHERE id = 1" + forUpdate).first?.int(0) ?? 0
        if current != view { throw StoreError.fenced(held: view, current: current) }
    }
}

import BearmonSystem
@testable import BearmonCore
@testable import BearmonStore

extension MaintenanceRow {
    /// A one-off window over `scope`, open from a second ago for ten minutes: longer than any
    /// test, which ends it when its story needs with ``SQLStore/endWindow(_:in:)``.
    static func openForTest(_ scope: HoldScope, name: String = "") -> MaintenanceRow {
        let now = wallMilliseconds()
        return MaintenanceRow(id: 0, name: name, scope: scope, timing: .oneOff(start: now - 1_000, end: now + 600_000), comment: "", createdBy: "test", createdAt: 0)
    }
}

extension SQLStore {
    /// Moves one-off window `id`'s end to `milliseconds` from now, so that a test waits for
    /// the window's end, not for a span fixed in advance; the controller reads windows on every pass.
    func endWindow(_ id: Int64, in milliseconds: Int64) throws {
        try database.execute("UPDATE maintenances SET ends_at = ? WHERE id = ?", [.int(wallMilliseconds() + milliseconds), .int(id)])
    }
}

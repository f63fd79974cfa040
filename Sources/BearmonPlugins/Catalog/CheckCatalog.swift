package import BearmonCore

/// A check row that can run: its type and validated parameters.
package final class ValidCheck: Sendable {
    /// The stored row.
    package let row: CheckRow
    /// Its status, known to be online or offline.
    package let status: CheckStatus
    /// Its type.
    package let type: PluginType
    /// Its validated data.
    package let params: ResolvedParams

    /// A value from its parts. A class: the controller keeps one per check and reads all of
    /// them every reload, and copying one is then a single retain.
    package init(row: CheckRow, status: CheckStatus, type: PluginType, params: ResolvedParams) {
        self.row = row
        self.status = status
        self.type = type
        self.params = params
    }
}

/// A check row that cannot run, and why; shown as misconfigured, never fatal to the others.
package struct PoisonRow: Error, Sendable, Equatable, CustomStringConvertible {
    /// `checks.id`.
    package let id: Int64
    /// `checks.name`.
    package let name: String
    /// What is wrong, and how to fix it.
    package let reason: String

    /// "check 7 (web): ...".
    package var description: String { "check \(id) (\(name)): \(reason)" }
}

/// Sorts stored check rows into those that can run and poison rows, one row at a time, so
/// that one bad row (gobearmon panics on it) never stops the others.
package struct CheckCatalog {
    /// The plugins the types come from.
    package let host: PluginHost

    /// A catalog that validates against `host`'s types.
    package init(host: PluginHost) { self.host = host }

    /// Validates one row.
    package func validate(_ row: CheckRow) -> Result<ValidCheck, PoisonRow> {
        func poison(_ reason: String) -> Result<ValidCheck, PoisonRow> { .failure(PoisonRow(id: row.id, name: row.name, reason: reason)) }
        guard let statusText = row.status else {
            return poison("status is NULL; set it with UPDATE checks SET status = 'online' WHERE id = \(row.id)")
        }
        guard let status = CheckStatus(rawValue: statusText), status != .fail else {
            return poison("status '\(statusText)' is neither online nor offline; set it with UPDATE checks SET status = 'online' WHERE id = \(row.id)")
        }
        guard row.interval > 0 else {
            return poison("check_interval \(row.interval) must be at least 1 second; fix it with `bearmon checks edit \(row.id) --interval 60`")
        }
        // Written by SQL, a row can hold any 64-bit number; the scheduler counts in milliseconds.
        guard row.interval <= CheckRow.maxIntervalSeconds else {
            return poison("check_interval \(row.interval) is more than a year (\(CheckRow.maxIntervalSeconds) seconds); fix it with `bearmon checks edit \(row.id) --interval 60`")
        }
        guard row.delay >= 0 else { return poison("delay \(row.delay) must be 0 or more; fix it with `bearmon checks edit \(row.id) --delay 1`") }
        guard row.delay <= CheckRow.maxDelay else {
            return poison("delay \(row.delay) is more than \(CheckRow.maxDelay) rounds; fix it with `bearmon checks edit \(row.id) --delay 1`")
        }
        let type: PluginType
        do { type = try host.type(.check, row.type) } catch { return poison("\(error)") }
        do {
            return .success(ValidCheck(row: row, status: status, type: type, params: try host.validate(type, data: row.data)))
        } catch {
            return poison("\(error); fix it with `bearmon checks edit \(row.id) --data JSON` (`bearmon plugins` lists the parameters)")
        }
    }
}

/// A stored result with its row id (the cursor of a newest-first page).
package struct StoredResult: Sendable, Equatable {
    /// `check_results.id`.
    package let id: Int64
    /// The result.
    package let record: ResultRecord

    /// A value from its parts.
    package init(id: Int64, record: ResultRecord) {
        self.id = id
        self.record = record
    }
}

/// A `check_flips` row: one status change the controller wrote.
package struct FlipHistoryRow: Sendable, Equatable {
    /// The flip's id.
    package let flipID: String
    /// `checks.id`.
    package let checkID: Int64
    /// The new status.
    package let status: CheckStatus
    /// The message of the result that decided it.
    package let message: String
    /// The controller view that wrote it.
    package let view: Int64
    /// When, unix ms.
    package let time: Int64
    /// When the streak of results that led to it began, unix ms; nil for flips written before schema 7.
    package var beganAt: Int64? = nil

    /// A value from its parts.
    package init(flipID: String, checkID: Int64, status: CheckStatus, message: String, view: Int64, time: Int64) {
        self.flipID = flipID
        self.checkID = checkID
        self.status = status
        self.message = message
        self.view = view
        self.time = time
    }
}

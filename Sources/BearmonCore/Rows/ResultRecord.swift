/// One check result, for the history table.
package struct ResultRecord: Sendable, Equatable {
    /// `checks.id`.
    package let checkID: Int64
    /// The worker's node name.
    package let node: String
    /// When it finished, unix milliseconds.
    package let time: Int64
    /// The verdict.
    package let status: CheckStatus
    /// The message.
    package let message: String
    /// How long it took, in milliseconds.
    package let latencyMilliseconds: Double

    /// Creates a record.
    package init(checkID: Int64, node: String, time: Int64, status: CheckStatus, message: String, latencyMilliseconds: Double) {
        self.checkID = checkID
        self.node = node
        self.time = time
        self.status = status
        self.message = message
        self.latencyMilliseconds = latencyMilliseconds
    }
}

/// One check result, for the history table.
public struct ResultRecord: Sendable, Equatable {
    /// `checks.id`.
    public let checkID: Int64
    /// The worker's node name.
    public let node: String
    /// When it finished, unix milliseconds.
    public let time: Int64
    /// The verdict.
    public let status: CheckStatus
    /// The message.
    public let message: String
    /// How long it took, in milliseconds.
    public let latencyMilliseconds: Double

    /// Creates a record.
    public init(checkID: Int64, node: String, time: Int64, status: CheckStatus, message: String, latencyMilliseconds: Double) {
        self.checkID = checkID
        self.node = node
        self.time = time
        self.status = status
        self.message = message
        self.latencyMilliseconds = latencyMilliseconds
    }
}

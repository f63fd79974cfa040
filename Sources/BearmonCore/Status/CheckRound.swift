/// Where a check stands in the controller's state machine: its status, the workers whose
/// results disagree with it in the round under way, and how many agreeing workers and rounds
/// a flip needs. What shows *which vantage points* see a target down before it flips.
package struct CheckRound: Codable, Sendable, Equatable {
    /// `checks.id`.
    package var checkID: Int64
    /// The status the controller holds (online or offline).
    package var status: CheckStatus
    /// Workers that disagree with `status` in the round under way, sorted.
    package var disagreeing: [String]
    /// Distinct workers a round needs (`[controller] confirmations`; 1 for passive checks).
    package var confirmations: Int
    /// Disagreeing rounds completed so far.
    package var roundsDone: Int64
    /// Rounds a flip needs (the check's delay + 1).
    package var roundsNeeded: Int64
    /// The worker that ran it last, its verdict and message.
    package var lastWorker: String?
    /// See `lastWorker`.
    package var lastStatus: CheckStatus?
    /// See `lastWorker`.
    package var lastMessage: String?

    /// `checkId`, so that the wire's snake-case coders carry it both ways (`check_id`).
    enum CodingKeys: String, CodingKey {
        case checkID = "checkId", status, disagreeing, confirmations, roundsDone, roundsNeeded, lastWorker, lastStatus, lastMessage
    }

    /// A value from its parts.
    package init(checkID: Int64, status: CheckStatus, disagreeing: [String], confirmations: Int, roundsDone: Int64, roundsNeeded: Int64,
                 lastWorker: String? = nil, lastStatus: CheckStatus? = nil, lastMessage: String? = nil) {
        self.checkID = checkID
        self.status = status
        self.disagreeing = disagreeing
        self.confirmations = confirmations
        self.roundsDone = roundsDone
        self.roundsNeeded = roundsNeeded
        self.lastWorker = lastWorker
        self.lastStatus = lastStatus
        self.lastMessage = lastMessage
    }
}

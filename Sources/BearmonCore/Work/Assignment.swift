/// A check handed to a worker: the whole definition, so workers need no database, and the
/// lock token that the result must carry to count.
package struct Assignment: Sendable, Codable, Equatable {
    /// `checks.id`.
    package let checkID: Int64
    /// Identifies this run's lock; a result with another token is ignored.
    package let token: UInt64
    /// `checks.name`, for logs.
    package let name: String
    /// `checks.type`.
    package let type: String
    /// `checks.data`.
    package let data: String
    /// How long the run may take, in milliseconds.
    package let budgetMilliseconds: Int64

    /// A value from its parts.
    package init(checkID: Int64, token: UInt64, name: String, type: String, data: String, budgetMilliseconds: Int64) {
        self.checkID = checkID
        self.token = token
        self.name = name
        self.type = type
        self.data = data
        self.budgetMilliseconds = budgetMilliseconds
    }

    // The wire uses snake_case, and "check_id" reads back as "checkId", not "checkID".
    enum CodingKeys: String, CodingKey {
        case checkID = "checkId", token, name, type, data, budgetMilliseconds
    }

    /// Decodes an assignment from the wire, its numbers range-checked (``WireRange``).
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        checkID = try container.decode(Int64.self, forKey: .checkID, in: WireRange.checkID)
        token = try container.decode(UInt64.self, forKey: .token)
        name = try container.decode(String.self, forKey: .name)
        type = try container.decode(String.self, forKey: .type)
        data = try container.decode(String.self, forKey: .data)
        budgetMilliseconds = try container.decode(Int64.self, forKey: .budgetMilliseconds, in: WireRange.budgetMilliseconds)
    }
}

/// A worker's answer to an ``Assignment``.
package struct WorkerResult: Sendable, Codable, Equatable {
    /// `checks.id`.
    package let checkID: Int64
    /// The assignment's token.
    package let token: UInt64
    /// The verdict.
    package let status: CheckStatus
    /// The message.
    package let message: String
    /// How long the run took, in milliseconds.
    package let latencyMilliseconds: Double
    /// What the plugin measured (for `/metrics`): finite values only, at most
    /// ``WireRange/metricCount``; absent on the wire from nodes that send none.
    package let metrics: [Metric]

    enum CodingKeys: String, CodingKey {
        case checkID = "checkId", token, status, message, latencyMilliseconds, metrics
    }

    /// Decodes a result from the wire, its numbers range-checked (``WireRange``).
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        checkID = try container.decode(Int64.self, forKey: .checkID, in: WireRange.checkID)
        token = try container.decode(UInt64.self, forKey: .token)
        status = try container.decode(CheckStatus.self, forKey: .status)
        message = try container.decode(String.self, forKey: .message)
        latencyMilliseconds = try container.decode(Double.self, forKey: .latencyMilliseconds, in: WireRange.latencyMilliseconds)
        metrics = try container.decodeIfPresent([Metric].self, forKey: .metrics) ?? []
        if let problem = WireRange.problem(metrics) {
            throw DecodingError.dataCorruptedError(forKey: .metrics, in: container, debugDescription: "`metrics`: \(problem)")
        }
    }

    /// Creates a result; `metrics` keeps only finite values (JSON has no NaN), at most ``WireRange/metricCount``.
    package init(checkID: Int64, token: UInt64, status: CheckStatus, message: String, latencyMilliseconds: Double, metrics: [Metric] = []) {
        self.checkID = checkID
        self.token = token
        self.status = status
        self.message = message
        self.latencyMilliseconds = latencyMilliseconds
        self.metrics = Array(metrics.filter(\.value.isFinite).prefix(WireRange.metricCount))
    }
}

/// What the scheduler decided after a result or a change in the workers.
package enum Decision: Sendable, Equatable {
    /// The check flips to `status`; write it and notify.
    case flip(checkID: Int64, status: CheckStatus, message: String)
    /// The check failed `count` times in a row and is shown as misconfigured; tell the admin.
    case misconfigured(checkID: Int64, message: String)
    /// A misconfigured check produced a real result again.
    case recovered(checkID: Int64)
    /// Fewer workers are alive than confirmations need: no check can flip.
    case tooFewWorkers(alive: Int, needed: Int)
    /// Enough workers are alive again.
    case enoughWorkers(alive: Int)
}

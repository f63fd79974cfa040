/// A check's verdict.
public enum CheckStatus: String, Sendable, Codable, CaseIterable {
    /// The target passed.
    case online
    /// The target did not pass.
    case offline
    /// The check could not be judged; never flips a check.
    case fail

    /// The process exit code for `bearmon check`, Nagios-style: 0, 2 or 3.
    public var exitCode: Int32 {
        switch self {
        case .online: 0
        case .offline: 2
        case .fail: 3
        }
    }
}

/// A named measurement reported by a check.
public struct Metric: Sendable, Equatable, Codable {
    /// For example "connect_ms".
    public let name: String
    /// The measured value.
    public let value: Double
    /// For example "ms", or "".
    public let unit: String
}

/// How one check run ended.
public struct CheckOutcome: Sendable, Equatable {
    /// The verdict.
    public let status: CheckStatus
    /// What happened, in words.
    public let message: String
    /// Measurements reported by the plugin.
    public let metrics: [Metric]
    /// Wall time of the call as the host measured it, in milliseconds.
    public let latencyMilliseconds: Double

    /// Creates an outcome.
    public init(status: CheckStatus, message: String, metrics: [Metric] = [], latencyMilliseconds: Double = 0) {
        self.status = status
        self.message = message
        self.metrics = metrics
        self.latencyMilliseconds = latencyMilliseconds
    }
}

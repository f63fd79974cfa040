/// A check's verdict.
package enum CheckStatus: String, Sendable, Codable, CaseIterable {
    /// The target passed.
    case online
    /// The target did not pass.
    case offline
    /// The check could not be judged; never flips a check.
    case fail

    /// The process exit code for `bearmon check`, Nagios-style: 0, 2 or 3.
    package var exitCode: Int32 {
        switch self {
        case .online: 0
        case .offline: 2
        case .fail: 3
        }
    }
}

/// A named measurement reported by a check.
package struct Metric: Sendable, Equatable, Codable {
    /// For example "connect_ms".
    package let name: String
    /// The measured value.
    package let value: Double
    /// For example "ms", or "".
    package let unit: String

    /// A measurement from its parts.
    package init(name: String, value: Double, unit: String) {
        self.name = name
        self.value = value
        self.unit = unit
    }
}

/// How one check run ended.
package struct CheckOutcome: Sendable, Equatable {
    /// The verdict.
    package let status: CheckStatus
    /// What happened, in words.
    package let message: String
    /// Measurements reported by the plugin.
    package let metrics: [Metric]
    /// Wall time of the call as the host measured it, in milliseconds.
    package let latencyMilliseconds: Double

    /// Creates an outcome.
    package init(status: CheckStatus, message: String, metrics: [Metric] = [], latencyMilliseconds: Double = 0) {
        self.status = status
        self.message = message
        self.metrics = metrics
        self.latencyMilliseconds = latencyMilliseconds
    }
}

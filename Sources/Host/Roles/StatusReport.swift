/// What `GET /v1/checks` answers and `bearmon status` prints: the state of every check as the
/// running controller (or, when none is reachable, the database) knows it.
public struct StatusReport: Codable, Sendable, Equatable {
    /// A check's state.
    public struct Check: Codable, Sendable, Equatable {
        public var id: Int64
        public var name: String
        public var type: String
        public var status: String
        public var enabled: Bool
        public var interval: Int64
        public var delay: Int64
        /// Why it cannot run or keeps failing, if so.
        public var misconfigured: String?
        public var lastResult: Result?
        /// Rounds that disagree with the status so far (nil when read from the database).
        public var turnCount: Int64?
        /// Workers that disagree in the current round (nil when read from the database).
        public var turnSet: [String]?
        /// The worker running it now.
        public var lockedBy: String?
        /// Whether its round waits for a worker outside it (too few live workers for
        /// `confirmations`); nil when read from the database.
        public var waitingForWorkers: Bool? = nil
    }

    /// A check's last result.
    public struct Result: Codable, Sendable, Equatable {
        public var status: String
        public var message: String
        public var node: String
        /// Unix milliseconds.
        public var time: Int64
        public var latencyMs: Double
    }

    /// A worker the controller has heard from.
    public struct Worker: Codable, Sendable, Equatable {
        public var node: String
        public var lastSeenMsAgo: Int64
        public var alive: Bool
    }

    /// The controller view.
    public struct View: Codable, Sendable, Equatable {
        public var number: Int64
        public var holder: String
        /// When the reporting controller took this view (unix milliseconds), when live.
        public var takenAt: Int64? = nil
        /// When it handed out its first assignment under it (unix milliseconds), when live.
        public var firstAssignmentAt: Int64? = nil
    }

    /// A notification not yet delivered, or failed for good.
    public struct Notification: Codable, Sendable, Equatable {
        public var eventId: String
        public var checkId: Int64
        public var contactId: Int64
        public var status: String
        public var state: String
        public var attempts: Int64
        public var lastError: String
        /// Unix milliseconds.
        public var nextAttempt: Int64
    }

    /// "live" (from a running controller) or "database".
    public var source: String
    /// The active controller's address as host:port, when known.
    public var controller: String?
    public var view: View?
    public var confirmations: Int?
    public var workers: [Worker]
    public var checks: [Check]
    /// Counts of checks per state: online, offline, misconfigured, disabled.
    public var counts: [String: Int]
    public var undelivered: [Notification]
    /// Alerting's self-check, from the acting controller (nil when read from the database).
    public var alerting: AlertingHealth? = nil
}

extension StatusReport.Notification {
    init(_ entry: OutboxEntry) {
        self.init(eventId: entry.eventID, checkId: entry.checkID, contactId: entry.contactID, status: entry.status.rawValue,
                  state: entry.state.rawValue, attempts: entry.attempts, lastError: entry.lastError, nextAttempt: entry.nextAttempt)
    }
}

extension StatusReport.Result {
    init(_ record: ResultRecord) {
        self.init(status: record.status.rawValue, message: record.message, node: record.node, time: record.time,
                  latencyMs: record.latencyMilliseconds)
    }
}

extension StatusReport {
    /// Tallies `checks` by state.
    static func count(_ checks: [Check]) -> [String: Int] {
        var counts = ["online": 0, "offline": 0, "misconfigured": 0, "disabled": 0]
        for check in checks {
            let key = !check.enabled ? "disabled" : check.misconfigured != nil ? "misconfigured" : check.status
            counts[key, default: 0] += 1
        }
        return counts
    }
}

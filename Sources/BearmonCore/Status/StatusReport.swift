/// What `GET /v1/checks` answers and `bearmon status` prints: the state of every check as the
/// running controller (or, when none is reachable, the database) knows it.
package struct StatusReport: Codable, Sendable, Equatable {
    /// A check's state.
    package struct Check: Codable, Sendable, Equatable {
        package var id: Int64
        package var name: String
        package var type: String
        package var status: String
        package var enabled: Bool
        package var interval: Int64
        package var delay: Int64
        /// Why it cannot run or keeps failing, if so.
        package var misconfigured: String?
        package var lastResult: Result?
        /// Rounds that disagree with the status so far (nil when read from the database).
        package var turnCount: Int64?
        /// Workers that disagree in the current round (nil when read from the database).
        package var turnSet: [String]?
        /// The worker running it now.
        package var lockedBy: String?
        /// Whether its round waits for a worker outside it (too few live workers for
        /// `confirmations`); nil when read from the database.
        package var waitingForWorkers: Bool? = nil
        /// The maintenance window it is in now, if any (an overlay: `status` keeps its value).
        package var maintenance: CheckOverlay.Maintenance? = nil
        /// The silence it is under now, if any (an overlay, as `maintenance`).
        package var silence: CheckOverlay.Silence? = nil
        /// The offline parent that makes it unreachable, if any (an overlay, issue 22).
        package var unreachable: CheckOverlay.Unreachable? = nil
        /// Its flapping, if it flaps (an overlay, issue 22).
        package var flapping: CheckOverlay.Flapping? = nil
        /// Its outage's acknowledgement, if any (an overlay, issue 23).
        package var acknowledged: CheckOverlay.Acknowledged? = nil
        /// How many of its notifications are held (by a window, a silence or a budget); nil for none.
        package var held: Int? = nil

        /// A value from its parts.
        package init(id: Int64, name: String, type: String, status: String, enabled: Bool, interval: Int64, delay: Int64, misconfigured: String? = nil, lastResult: Result? = nil, turnCount: Int64? = nil, turnSet: [String]? = nil, lockedBy: String? = nil, waitingForWorkers: Bool? = nil) {
            self.id = id
            self.name = name
            self.type = type
            self.status = status
            self.enabled = enabled
            self.interval = interval
            self.delay = delay
            self.misconfigured = misconfigured
            self.lastResult = lastResult
            self.turnCount = turnCount
            self.turnSet = turnSet
            self.lockedBy = lockedBy
            self.waitingForWorkers = waitingForWorkers
        }
    }

    /// A check's last result.
    package struct Result: Codable, Sendable, Equatable {
        package var status: String
        package var message: String
        package var node: String
        /// Unix milliseconds.
        package var time: Int64
        package var latencyMs: Double

        /// A value from its parts.
        package init(status: String, message: String, node: String, time: Int64, latencyMs: Double) {
            self.status = status
            self.message = message
            self.node = node
            self.time = time
            self.latencyMs = latencyMs
        }
    }

    /// A worker the controller has heard from.
    package struct Worker: Codable, Sendable, Equatable {
        package var node: String
        package var lastSeenMsAgo: Int64
        package var alive: Bool

        /// A value from its parts.
        package init(node: String, lastSeenMsAgo: Int64, alive: Bool) {
            self.node = node
            self.lastSeenMsAgo = lastSeenMsAgo
            self.alive = alive
        }
    }

    /// The controller view.
    package struct View: Codable, Sendable, Equatable {
        package var number: Int64
        package var holder: String
        /// When the reporting controller took this view (unix milliseconds), when live.
        package var takenAt: Int64? = nil
        /// When it handed out its first assignment under it (unix milliseconds), when live.
        package var firstAssignmentAt: Int64? = nil

        /// A value from its parts.
        package init(number: Int64, holder: String, takenAt: Int64? = nil, firstAssignmentAt: Int64? = nil) {
            self.number = number
            self.holder = holder
            self.takenAt = takenAt
            self.firstAssignmentAt = firstAssignmentAt
        }
    }

    /// A notification not yet delivered, or failed for good.
    package struct Notification: Codable, Sendable, Equatable {
        package var eventId: String
        package var checkId: Int64
        package var contactId: Int64
        package var status: String
        package var state: String
        package var attempts: Int64
        package var lastError: String
        /// Unix milliseconds.
        package var nextAttempt: Int64

        /// A value from its parts.
        package init(eventId: String, checkId: Int64, contactId: Int64, status: String, state: String, attempts: Int64, lastError: String, nextAttempt: Int64) {
            self.eventId = eventId
            self.checkId = checkId
            self.contactId = contactId
            self.status = status
            self.state = state
            self.attempts = attempts
            self.lastError = lastError
            self.nextAttempt = nextAttempt
        }
    }

    /// "live" (from a running controller) or "database".
    package var source: String
    /// The active controller's address as host:port, when known.
    package var controller: String?
    package var view: View?
    package var confirmations: Int?
    package var workers: [Worker]
    package var checks: [Check]
    /// Counts of checks per state: online, offline, misconfigured, disabled.
    package var counts: [String: Int]
    /// Notifications not delivered: every pending one, and those that failed within
    /// ``failureWindow``; older failures stay in the table until `[store] retention` prunes them.
    package var undelivered: [Notification]
    /// How far back failed notifications are listed in ``undelivered``.
    package static let failureWindow: Duration = .seconds(24 * 3_600)
    /// Alerting's self-check, from the acting controller (nil when read from the database).
    package var alerting: AlertingHealth? = nil

    /// A value from its parts.
    package init(source: String, controller: String? = nil, view: View? = nil, confirmations: Int? = nil, workers: [Worker], checks: [Check], counts: [String: Int], undelivered: [Notification], alerting: AlertingHealth? = nil) {
        self.source = source
        self.controller = controller
        self.view = view
        self.confirmations = confirmations
        self.workers = workers
        self.checks = checks
        self.counts = counts
        self.undelivered = undelivered
        self.alerting = alerting
    }
}

extension StatusReport.Check {
    /// Shows what holds the check's notifications now, and how many are held.
    package mutating func show(_ overlay: CheckOverlay?, held: Int?) {
        maintenance = overlay?.maintenance
        silence = overlay?.silence
        unreachable = overlay?.unreachable
        flapping = overlay?.flapping
        acknowledged = overlay?.acknowledged
        self.held = held
    }
}

extension StatusReport.Notification {
    package init(_ entry: OutboxEntry) {
        self.init(eventId: entry.eventID, checkId: entry.checkID, contactId: entry.contactID, status: entry.status.rawValue,
                  state: entry.state.rawValue, attempts: entry.attempts, lastError: entry.lastError, nextAttempt: entry.nextAttempt)
    }
}

extension StatusReport.Result {
    package init(_ record: ResultRecord) {
        self.init(status: record.status.rawValue, message: record.message, node: record.node, time: record.time,
                  latencyMs: record.latencyMilliseconds)
    }
}

extension StatusReport {
    /// Tallies `checks` by state.
    package static func count(_ checks: [Check]) -> [String: Int] {
        var counts = ["online": 0, "offline": 0, "misconfigured": 0, "disabled": 0]
        for check in checks {
            let key = !check.enabled ? "disabled" : check.misconfigured != nil ? "misconfigured" : check.status
            counts[key, default: 0] += 1
        }
        return counts
    }
}

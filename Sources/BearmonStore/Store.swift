package import BearmonCore
import Foundation

/// Where checks, contacts, alerts, flips, the outbox and results live. One protocol, two
/// backends (MySQL for a cluster, SQLite for standalone), one shared test suite.
///
/// Contract: every method is thread-safe and blocking (call it off the event loop). Writes
/// that must be atomic are one call each (`recordFlip`, `claimOutbox`, `completeOutbox`), and
/// those that act on a controller's behalf take its view number and fail with
/// ``StoreError/fenced(held:current:)`` when the database's view has moved on.
package protocol Store: AnyObject, Sendable {
    /// Where the data is, passwords masked.
    var location: String { get }

    /// Applies missing migrations; returns the versions applied now.
    @discardableResult func migrate() throws -> [Int]

    // MARK: Catalog
    /// Every check row, raw (see ``CheckRow``), by id.
    func checkRows() throws -> [CheckRow]
    /// One check row.
    func checkRow(_ id: Int64) throws -> CheckRow?
    /// Every contact, by id.
    func contacts() throws -> [Contact]
    /// Every alert, by id.
    func alerts() throws -> [Alert]

    // MARK: Management
    /// Adds a check; refuses values longer than their columns.
    func addCheck(_ check: NewCheck) throws -> Int64
    /// Replaces a check's name, type, data, interval, delay and enabled flag; its status,
    /// events and alerts stay. Refuses values longer than their columns.
    func updateCheck(_ id: Int64, with check: NewCheck) throws
    /// Enables or disables a check.
    func setCheckEnabled(_ id: Int64, _ enabled: Bool) throws
    /// Removes a check and its alerts.
    func removeCheck(_ id: Int64) throws
    /// Adds a contact; refuses values longer than their columns.
    func addContact(type: String, data: String) throws -> Int64
    /// Removes a contact and the alerts that use it.
    func removeContact(_ id: Int64) throws
    /// Links a check to a contact; both must exist.
    func addAlert(checkID: Int64, contactID: Int64, type: AlertType) throws -> Int64
    /// Removes an alert.
    func removeAlert(_ id: Int64) throws

    // MARK: Catalog extras and batches (the API and config as code)
    /// Every check's tags, sorted; checks without tags are absent.
    func checkTags() throws -> [Int64: [String]]
    /// The ids of checks marked public.
    func publicCheckIDs() throws -> Set<Int64>
    /// Check `id`'s tags, sorted, and whether it is marked public: one check's share of the two
    /// above, read by index (badges and uptime answer per check).
    func checkLabels(_ id: Int64) throws -> (tags: [String], isPublic: Bool)
    /// Every pinned check's nodes, sorted; checks any worker may run are absent.
    func checkNodes() throws -> [Int64: [String]]
    /// Pins a check to `nodes` (empty: any worker may run it); the check must exist.
    func setCheckNodes(_ id: Int64, _ nodes: [String]) throws
    /// Every named contact's name.
    func contactNames() throws -> [Int64: String]
    /// Applies `changes` in order in one transaction: all of them or none. Returns the ids
    /// of the rows added, by their keys. Refuses a contact name already taken
    /// (``StoreError/conflict(_:)``), a missing row (``StoreError/notFound(_:)``) and values
    /// longer than their columns.
    /// Deleting or disabling a check, contact or alert while contacts last heard `offline`
    /// writes one `removed` notification per such contact, unless `quiet`.
    @discardableResult func applyCatalog(_ changes: [CatalogChange], quiet: Bool) throws -> [String: Int64]

    // MARK: API tokens
    /// Every token, by id.
    func tokens() throws -> [APITokenRow]
    /// The token whose SHA-256 (lowercase hex) is `sha256`.
    func token(sha256: String) throws -> APITokenRow?
    /// Stores a token's hash; refuses a name already taken (``StoreError/conflict(_:)``).
    func addToken(name: String, scope: TokenScope, sha256: String, now: Int64) throws -> Int64
    /// Renames a token or changes its scope; refuses a name already taken.
    func updateToken(_ id: Int64, name: String, scope: TokenScope) throws
    /// Deletes a token: it stops working at once.
    func removeToken(_ id: Int64) throws
    /// Records that a token was used at `now`.
    func touchToken(_ id: Int64, now: Int64) throws
    /// The secret stored under `name`, shared by every node on this database; the first
    /// caller stores `candidate` (64 hex digits) and every caller gets the one stored.
    func sharedSecret(_ name: String, candidate: String) throws -> String

    // MARK: History
    /// A check's results, newest first, older than result id `before` when given.
    func results(checkID: Int64, before: Int64?, limit: Int) throws -> [StoredResult]
    /// A check's flips, newest first; with `before`, only those older than that flip.
    func flips(checkID: Int64, before: String?, limit: Int) throws -> [FlipHistoryRow]
    /// A check's flips in `[from, to)` and the last one before `from`, oldest first.
    func flips(checkID: Int64, from: Int64, to: Int64) throws -> [FlipHistoryRow]
    /// The notifications the flips `flipIDs` wrote, oldest first.
    func notifications(flipIDs: [String]) throws -> [OutboxEntry]

    // MARK: View and flips
    /// The controller view row.
    func view() throws -> ViewRow
    /// Raises the view to `number` for `holder` if it is lower; returns whether it did.
    func raiseView(to number: Int64, holder: String) throws -> Bool
    /// Writes a flip: `checks.status`, a `check_events` row, and one outbox row per enabled
    /// alert that matches (pending, or held by a window, a silence or `budget`), with the
    /// ledger, all in one transaction conditional on the view.
    func recordFlip(_ flip: FlipRequest, view: Int64, budget: NotificationBudget) throws -> FlipRecord
    /// Releases held rows whose hold has ended (one `catch_up` or nothing per check and
    /// contact; the held rows become `cancelled`), conditional on the view.
    func releaseHeld(now: Int64, budget: NotificationBudget, view: Int64) throws -> HeldRelease
    /// What each contact last heard about each check.
    func ledger() throws -> [LedgerEntry]
    /// Writes a `test` notification to a contact, claimed for `lease` by the caller, which
    /// delivers it and records the outcome with ``completeTestNotification(_:outcome:now:)``.
    func queueTestNotification(contactID: Int64, now: Int64, lease: Duration) throws -> OutboxEntry
    /// Records a test notification's one attempt.
    func completeTestNotification(_ id: Int64, outcome: OutboxOutcome, now: Int64) throws

    // MARK: Dependencies and flapping (issue 22)
    /// Every check's parents, sorted; checks without parents are absent.
    func dependencies() throws -> [Int64: [Int64]]
    /// Every check's alerting state (confirmed states, flapping, unreachable), by id.
    func alertStates() throws -> [Int64: CheckAlertState]
    /// Records confirmed states and judges flapping with `threshold` (0 = off), conditional on the view.
    func recordConfirmed(_ samples: [ConfirmedState], flapping threshold: Double, view: Int64) throws -> FlappingRecord
    /// Ends every check's flapping; returns how many were flapping.
    func endFlapping() throws -> Int

    // MARK: Maintenance windows and silences
    /// Every maintenance window, by id.
    func maintenances() throws -> [MaintenanceRow]
    /// Stores a validated window; refuses a name already taken. Returns its id.
    func addMaintenance(_ row: MaintenanceRow, now: Int64) throws -> Int64
    /// Deletes a window.
    func removeMaintenance(_ id: Int64) throws
    /// Every silence, expired and removed ones included, by id.
    func silences() throws -> [SilenceRow]
    /// Every alert's options (issue 23), by alert id; plain alerts have none.
    func alertOptions() throws -> [Int64: AlertOptions]
    /// Stores an alert's options; refuses out-of-range durations, unknown contacts and fallback loops.
    func setAlertOptions(_ id: Int64, _ options: AlertOptions) throws
    /// Acknowledges a check's current outage (issue 23); refuses a check that is not offline.
    func acknowledge(check: Int64, by: String, comment: String, until: Int64?, now: Int64) throws -> AckRow
    /// Clears a check's acknowledgement; returns whether one was in force.
    @discardableResult
    func clearAck(check: Int64, now: Int64) throws -> Bool
    /// The acknowledgements in force at `now`, by check.
    func activeAcks(now: Int64) throws -> [Int64: AckRow]
    /// What the acknowledge link naming `eventID` points at; nil when there is no such notification.
    func ackLinkTarget(eventID: String) throws -> AckLinkTarget?
    /// Acknowledges, once per link, the outage `eventID`'s notification was about, by its contact.
    func acknowledge(viaEvent eventID: String, comment: String, now: Int64) throws -> AckRow
    /// Who acknowledged the outage a notification is about (the one an online ends); nil when nobody did.
    func acknowledger(of entry: OutboxEntry) throws -> String?
    /// Stores a validated silence. Returns its id.
    func addSilence(_ row: SilenceRow, now: Int64) throws -> Int64
    /// Ends a silence early; it is kept for history.
    func endSilence(_ id: Int64, now: Int64) throws
    /// The windows and the silences not over at `now`.
    func holdCalendar(now: Int64) throws -> HoldCalendar

    // MARK: Outbox
    /// Claims up to `limit` due rows for `leaseMilliseconds`, conditional on the view.
    func claimOutbox(now: Int64, limit: Int, lease: Duration, view: Int64) throws -> [OutboxEntry]
    /// Records an attempt's outcome, conditional on the view.
    func completeOutbox(_ id: Int64, outcome: OutboxOutcome, now: Int64, view: Int64) throws
    /// Gives a claimed row back unattempted, so that any sender may claim it at once; conditional on the view.
    func releaseOutbox(_ id: Int64, view: Int64) throws
    /// Rows in the given states, oldest first.
    func outbox(states: Set<OutboxState>) throws -> [OutboxEntry]
    /// How many rows wait to be sent (`pending`): one count on the outbox's state index, for `/metrics`.
    func pendingOutboxCount() throws -> Int64
    /// What `/v1/checks` shows: every pending row, and the rows that failed at or after
    /// `failedSince` (unix ms), oldest first. Older failures stay in the table until pruned.
    func undeliveredOutbox(failedSince: Int64) throws -> [OutboxEntry]
    /// Deletes at most `limit` finished rows (delivered or failed) that finished before
    /// `time`; returns how many. Pending rows are never touched; flips, `check_events` and
    /// `charges` are history and are kept.
    @discardableResult func pruneOutbox(before time: Int64, limit: Int) throws -> Int64
    /// Adds a `charges` row (for example an SMS's sid).
    /// The oldest due notification never attempted, for alerting's self-check (see ``DueNotification``).
    func oldestDueNotification(now: Int64) throws -> DueNotification?
    func recordCharge(checkID: Int64, type: String, data: String) throws

    // MARK: Results
    /// Appends results to the history with their hourly and daily aggregates (days cut in
    /// `days`), in one transaction; a `batchID` already written changes nothing.
    func recordResults(_ results: [ResultRecord], batchID: String, days: DayCalendar) throws
    /// A check's hourly aggregates in `[from, to)` (unix ms), oldest first.
    func hourlyAggregates(checkID: Int64, from: Int64, to: Int64) throws -> [(hourStart: Int64, aggregate: ResultAggregate)]
    /// A check's daily aggregates for local days `from...to`, oldest first.
    func dailyAggregates(checkID: Int64, from: Int64, to: Int64) throws -> [(day: Int64, aggregate: ResultAggregate)]
    /// Deletes at most `limit` rows of each: hourly aggregates before `hoursBefore`, daily ones
    /// before local day `daysBefore`, batch markers written before `batchesBefore`.
    @discardableResult func pruneAggregates(hoursBefore: Int64, daysBefore: Int64, batchesBefore: Int64, limit: Int) throws -> Int64
    /// Each check's newest result.
    func latestResults() throws -> [Int64: ResultRecord]
    /// Daily aggregates of the checks `checkIDs` for local days `from...to`, by check, oldest
    /// first: one query for a page of checks rather than one per check.
    func dailyAggregates(checkIDs: [Int64], from: Int64, to: Int64) throws -> [Int64: [(day: Int64, aggregate: ResultAggregate)]]
    /// Hourly aggregates of the checks `checkIDs` in `[from, to)` (unix ms), by check, oldest first.
    func hourlyAggregates(checkIDs: [Int64], from: Int64, to: Int64) throws -> [Int64: [(hourStart: Int64, aggregate: ResultAggregate)]]
    /// The newest result of each worker for each of the checks `checkIDs`, among results at or
    /// after `since` (unix ms), by check, ordered by node.
    func latestResults(checkIDs: [Int64], since: Int64) throws -> [Int64: [ResultRecord]]
    /// The flips of the checks `checkIDs` decided at or after `since`, newest first, at most `limit`.
    func flips(checkIDs: [Int64], since: Int64, limit: Int) throws -> [FlipHistoryRow]
    /// As ``flips(checkID:from:to:)`` for each of `checkIDs`, by check: a batch of checks' uptime
    /// in two queries rather than two per check.
    func flips(checkIDs: [Int64], from: Int64, to: Int64) throws -> [Int64: [FlipHistoryRow]]
    /// Deletes at most `limit` results older than `time`; returns how many.
    @discardableResult func pruneResults(before time: Int64, limit: Int) throws -> Int64

    // MARK: Pushes (monitor-srv's healthchecks, status and stats)
    /// Stores a push, replacing that node's previous one for the same key (healthcheck id
    /// and node, or node).
    func savePush(_ row: PushRow) throws
    /// The pushes of `kind` that have not expired at `now` (unix ms), optionally only those
    /// of service `service` and with key `id` (the healthcheck id for healthchecks, the
    /// node id otherwise), ordered by key then node.
    func pushes(_ kind: PushKind, service: String?, id: String?, now: Int64) throws -> [PushRow]
    /// The unexpired pushes of `kind` that `selection` picks, filtered and paged in SQL,
    /// ordered by key then node.
    func pushes(_ kind: PushKind, _ selection: PushSelection, now: Int64) throws -> [PushRow]
    /// Stores `rows` in one transaction (one commit for many pushes), each as ``savePush(_:)``
    /// does, except that a row that would add a new entry while `maxEntries` entries (over
    /// all three push tables) are stored is refused: its outcome is ``PushSaving/full``.
    func savePushes(_ rows: [PushRow], maxEntries: Int) throws -> [PushSaving]
    /// Applies monitor-srv's reaping rules at `now`: deletes expired pushes, and marks
    /// stale statuses UNKNOWN with "Last update Ns ago". Safe to run from several nodes at once.
    @discardableResult func reapPushes(now: Int64) throws -> PushReaping
}

extension Store {
    /// Applies catalog changes, with `removed` notifications (see ``applyCatalog(_:quiet:)``).
    @discardableResult package func applyCatalog(_ changes: [CatalogChange]) throws -> [String: Int64] {
        try applyCatalog(changes, quiet: false)
    }

    /// Appends results as one new batch, days cut in UTC (tests and tools).
    package func recordResults(_ results: [ResultRecord]) throws {
        try recordResults(results, batchID: UUID().uuidString, days: .utc)
    }

    /// Writes a flip with no notification budget (tests of other rules).
    package func recordFlip(_ flip: FlipRequest, view: Int64) throws -> FlipRecord {
        try recordFlip(flip, view: view, budget: .unlimited)
    }
}

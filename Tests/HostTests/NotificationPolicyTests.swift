import Testing
@testable import BearmonCore

/// The pure rules that decide, per (check, contact), whether a notification goes or is held,
/// and what releasing held rows comes to.
@Suite("notification policy")
struct NotificationPolicyTests {
    private func facts(_ status: CheckStatus, heard: CheckStatus? = nil, hold: HoldReason? = nil, limit: Int = 0, sent: Int = 0) -> NotificationPolicy.Facts {
        NotificationPolicy.Facts(status: status, lastHeard: heard, calendarHold: hold, limit: limit, sentLastHour: sent)
    }

    @Test("a window or a silence holds every notification, pairing onlines included")
    func calendarHolds() {
        #expect(NotificationPolicy.hold(facts(.offline, hold: .maintenance(id: 3))) == .maintenance(id: 3))
        #expect(NotificationPolicy.hold(facts(.online, heard: .offline, hold: .silence(id: 2))) == .silence(id: 2))
        #expect(NotificationPolicy.hold(facts(.offline)) == nil)
    }

    @Test("budget 3: the first offline goes, its online always goes, an offline without room for its online waits")
    func budgetReservesThePairingOnline() {
        // off (0 sent) → goes; on pairs it → goes even at the limit; off with 2 sent (2 + 2 > 3) → held.
        #expect(NotificationPolicy.hold(facts(.offline, limit: 3, sent: 0)) == nil)
        #expect(NotificationPolicy.hold(facts(.online, heard: .offline, limit: 3, sent: 3)) == nil)
        #expect(NotificationPolicy.hold(facts(.online, heard: .offline, limit: 3, sent: 1_000)) == nil)
        #expect(NotificationPolicy.hold(facts(.offline, heard: .online, limit: 3, sent: 2)) == .budget(limit: 3))
        #expect(NotificationPolicy.hold(facts(.offline, heard: .online, limit: 3, sent: 1)) == nil)
        // An online that pairs nothing needs room for itself only.
        #expect(NotificationPolicy.hold(facts(.online, heard: .online, limit: 3, sent: 2)) == nil)
        #expect(NotificationPolicy.hold(facts(.online, heard: nil, limit: 3, sent: 3)) == .budget(limit: 3))
        // Limit 1: the first offline of the hour still goes (and its online after it).
        #expect(NotificationPolicy.hold(facts(.offline, limit: 1, sent: 0)) == nil)
        #expect(NotificationPolicy.hold(facts(.offline, limit: 1, sent: 1)) == .budget(limit: 1))
        // Behind held rows only a pairing online passes.
        var behind = facts(.online, heard: .online, limit: 0)
        behind.behindHeld = true
        #expect(NotificationPolicy.hold(behind) == .behindHeld)
        behind.lastHeard = .offline
        #expect(NotificationPolicy.hold(behind) == nil)
        // 0 is no limit, whatever was sent.
        #expect(NotificationPolicy.hold(facts(.offline, limit: 0, sent: Int.max)) == nil)
    }

    @Test("a flapping target against budget 3 over one hour: never more than 3 sent, never an unpaired offline")
    func flappingNeverExceedsTheBudget() {
        var sent = 0
        var heard: CheckStatus?
        var held = 0
        for flip in 0..<40 {
            let status: CheckStatus = flip.isMultiple(of: 2) ? .offline : .online
            var facts = facts(status, heard: heard, limit: 3, sent: sent)
            facts.behindHeld = held > 0
            if NotificationPolicy.hold(facts) == nil {
                sent += 1
                heard = status
            } else {
                held += 1
            }
            #expect(sent <= 3)
        }
        #expect(heard == .online, "the last thing heard pairs every offline")
        #expect(sent == 2 && held == 38)
    }

    @Test("release: wait while a window holds; nothing when the contact already heard the state; one catch-up otherwise")
    func release() {
        let both: (CheckStatus) -> Bool = { _ in true }
        #expect(NotificationPolicy.release(current: .offline, alertCovers: both, facts: facts(.offline, heard: .online, hold: .maintenance(id: 1))) == .wait(.maintenance(id: 1)))
        #expect(NotificationPolicy.release(current: .offline, alertCovers: both, facts: facts(.offline, heard: .online)) == .catchUp(.offline))
        #expect(NotificationPolicy.release(current: .online, alertCovers: both, facts: facts(.online, heard: .online)) == .cancel)
        #expect(NotificationPolicy.release(current: .online, alertCovers: both, facts: facts(.online, heard: .offline)) == .catchUp(.online))
        // Never told anything: told only of an outage.
        #expect(NotificationPolicy.release(current: .online, alertCovers: both, facts: facts(.online, heard: nil)) == .cancel)
        #expect(NotificationPolicy.release(current: .offline, alertCovers: both, facts: facts(.offline, heard: nil)) == .catchUp(.offline))
        // The alert no longer covers the state, the check is gone, or its status is not a flip state.
        #expect(NotificationPolicy.release(current: .offline, alertCovers: { $0 == .online }, facts: facts(.offline, heard: .online)) == .cancel)
        #expect(NotificationPolicy.release(current: nil, alertCovers: both, facts: facts(.offline, heard: .online)) == .cancel)
        #expect(NotificationPolicy.release(current: .fail, alertCovers: both, facts: facts(.offline, heard: .online)) == .cancel)
        // A budget still full keeps it; a pairing online is never kept by the budget.
        #expect(NotificationPolicy.release(current: .offline, alertCovers: both, facts: facts(.offline, heard: .online, limit: 3, sent: 3)) == .wait(.budget(limit: 3)))
        #expect(NotificationPolicy.release(current: .online, alertCovers: both, facts: facts(.online, heard: .offline, limit: 3, sent: 3)) == .catchUp(.online))
    }

    @Test("hold calendar: scopes, recurring windows, silences' expiry and early end; a broken stored window holds nothing")
    func calendar() {
        let hour: Int64 = 3_600_000
        let windows = [
            MaintenanceRow(id: 1, name: "db night", scope: .tag("db"), timing: .oneOff(start: 10 * hour, end: 12 * hour), comment: "", createdBy: "t", createdAt: 0),
            MaintenanceRow(id: 2, name: "", scope: .check(7), timing: .recurring(cron: "0 3 * * *", durationSeconds: 3_600, timeZone: "UTC"), comment: "", createdBy: "t", createdAt: 0),
            MaintenanceRow(id: 3, name: "bad", scope: .all, timing: .recurring(cron: "61 * * * *", durationSeconds: 3_600, timeZone: "UTC"), comment: "", createdBy: "t", createdAt: 0),
            MaintenanceRow(id: 4, name: "zone", scope: .all, timing: .recurring(cron: "0 * * * *", durationSeconds: 60, timeZone: "Mars/Base"), comment: "", createdBy: "t", createdAt: 0),
        ]
        let silences = [
            SilenceRow(id: 5, scope: .check(9), startsAt: 0, expiresAt: 2 * hour, comment: "", createdBy: "t", createdAt: 0),
            SilenceRow(id: 6, scope: .tag("web"), startsAt: 0, expiresAt: 5 * hour, comment: "", createdBy: "t", createdAt: 0, endedAt: hour),
        ]
        let calendar = HoldCalendar(maintenances: windows, silences: silences, now: 0)
        #expect(calendar.broken.map(\.id) == [3, 4])
        #expect(calendar.hold(checkID: 1, tags: ["db"], at: 11 * hour) == .maintenance(id: 1))
        #expect(calendar.hold(checkID: 1, tags: ["db"], at: 12 * hour) == nil, "a window's end is exclusive")
        #expect(calendar.hold(checkID: 1, tags: ["web"], at: 11 * hour) == nil)
        #expect(calendar.hold(checkID: 7, tags: [], at: 24 * hour + 3 * hour + 1) == .maintenance(id: 2))
        #expect(calendar.hold(checkID: 7, tags: [], at: 24 * hour + 4 * hour) == nil)
        #expect(calendar.hold(checkID: 9, tags: [], at: hour) == .silence(id: 5))
        #expect(calendar.hold(checkID: 9, tags: [], at: 2 * hour) == nil, "expired")
        #expect(calendar.hold(checkID: 2, tags: ["web"], at: hour / 2) == .silence(id: 6))
        #expect(calendar.hold(checkID: 2, tags: ["web"], at: hour) == nil, "ended early")
    }
}

import Testing
@testable import BearmonCore

/// ``EscalationRule`` alone: levels, the release verdicts, reminders and acknowledgements.
@Suite("escalation rule")
struct EscalationRuleTests {
    @Test("levels follow after, equal afters share one, plain alerts have none")
    func levels() {
        #expect(EscalationRule.levels([0, 300_000, 5_000, 5_000, 0]) == [0, 2, 1, 1, 0])
        #expect(EscalationRule.levels([]) == [])
    }

    @Test("an escalation waits until due or while acknowledged, and is cancelled by a recovery or a new outage")
    func release() {
        #expect(EscalationRule.release(flipID: "a", due: 10, offline: true, currentFlip: "a", acknowledged: false, now: 9) == .wait)
        #expect(EscalationRule.release(flipID: "a", due: 10, offline: true, currentFlip: "a", acknowledged: false, now: 10) == .send)
        #expect(EscalationRule.release(flipID: "a", due: 10, offline: true, currentFlip: "a", acknowledged: true, now: 99) == .wait)
        #expect(EscalationRule.release(flipID: "a", due: 10, offline: false, currentFlip: nil, acknowledged: false, now: 99) == .cancel)
        #expect(EscalationRule.release(flipID: "a", due: 10, offline: true, currentFlip: "b", acknowledged: false, now: 99) == .cancel)
    }

    @Test("reminders: only to a contact that heard the outage, every interval, never while acknowledged; huge times do not overflow")
    func reminders() {
        #expect(!EscalationRule.reminderDue(lastTold: nil, every: 3, acknowledged: false, now: 100))
        #expect(!EscalationRule.reminderDue(lastTold: 0, every: 0, acknowledged: false, now: 100))
        #expect(!EscalationRule.reminderDue(lastTold: 0, every: 3, acknowledged: true, now: 100))
        #expect(!EscalationRule.reminderDue(lastTold: 98, every: 3, acknowledged: false, now: 100))
        #expect(EscalationRule.reminderDue(lastTold: 97, every: 3, acknowledged: false, now: 100))
        #expect(!EscalationRule.reminderDue(lastTold: Int64.max - 1, every: 3, acknowledged: false, now: 100))
    }

    @Test("an acknowledgement holds for its own outage, until it expires or is cleared")
    func acknowledged() {
        #expect(EscalationRule.acknowledged(ackFlip: "a", until: nil, cleared: nil, currentFlip: "a", now: 5))
        #expect(!EscalationRule.acknowledged(ackFlip: "a", until: nil, cleared: nil, currentFlip: "b", now: 5))
        #expect(!EscalationRule.acknowledged(ackFlip: "a", until: nil, cleared: nil, currentFlip: nil, now: 5))
        #expect(EscalationRule.acknowledged(ackFlip: "a", until: 6, cleared: nil, currentFlip: "a", now: 5))
        #expect(!EscalationRule.acknowledged(ackFlip: "a", until: 5, cleared: nil, currentFlip: "a", now: 5))
        #expect(!EscalationRule.acknowledged(ackFlip: "a", until: nil, cleared: 3, currentFlip: "a", now: 5))
    }

    @Test("reminder texts")
    func texts() {
        #expect(EscalationRule.stillOffline(since: 0, now: 7_200_000) == "still offline for 2 h")
        #expect(EscalationRule.stillOffline(since: 0, now: 7_500_000) == "still offline for 2 h 5 min")
        #expect(EscalationRule.stillOffline(since: 0, now: 3_000) == "still offline for 3 s")
        #expect(EscalationRule.stillOffline(since: 10, now: 0) == "still offline for 0 s")
    }
}

import Foundation
import Testing
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonMonitor
@testable import BearmonPlugins
@testable import BearmonRoles
@testable import BearmonServer
@testable import BearmonStore
@testable import BearmonWire
@testable import BearmonCLI

/// The pure parts of the alert path's defences: fitting free text to its column, the
/// scheduler with fewer workers than confirmations, and alerting's self-check.
@Suite("alert path: text fitting, too few workers, self-check")
struct AlertPathUnitTests {
    @Test("text is fitted in code points, as the databases count, with an ellipsis; NULs become U+FFFD")
    func fitting() {
        let column = TextColumn(name: "t", limit: 10)
        #expect("short".fitted(to: column) == "short")
        #expect("0123456789".fitted(to: column) == "0123456789")
        #expect("0123456789A".fitted(to: column) == "012345678\u{2026}")
        // One Swift Character, 3,001 code points: cut by code points.
        let marks = "A" + String(repeating: "\u{0301}", count: 3_000)
        #expect(marks.count == 1)
        let fitted = marks.fitted(to: column)
        #expect(fitted.unicodeScalars.count == 10)
        #expect(fitted.unicodeScalars.last == "\u{2026}")
        #expect("a\0b".fitted(to: column) == "a\u{FFFD}b")
        #expect("".fitted(to: column) == "")
        // 4-byte scalars count one each.
        #expect(String(repeating: "😀", count: 10).fitted(to: column) == String(repeating: "😀", count: 10))
    }

    @Test("a plugin's C message: invalid UTF-8 becomes U+FFFD, and a 1 MiB one is read only as far as the column needs")
    func cMessages() {
        let invalid: [CChar] = [0x50, -1, -2, 0x4f, 0]
        let text = invalid.withUnsafeBufferPointer { String(cMessage: $0.baseAddress!, fittedTo: .message) }
        #expect(text == "P\u{FFFD}\u{FFFD}O")
        var huge = [CChar](repeating: 0x78, count: 1 << 20)
        huge.append(0)
        let fitted = huge.withUnsafeBufferPointer { String(cMessage: $0.baseAddress!, fittedTo: .message) }
        #expect(fitted.unicodeScalars.count == TextColumn.message.limit)
        #expect(fitted.hasSuffix("\u{2026}"))
        // Cut at the read cap inside a multi-byte sequence: still valid, still fitted.
        var multi = [CChar]()
        for _ in 0..<3_000 { multi += [-16, -97, -104, -128] } // U+1F600
        multi.append(0)
        let emoji = multi.withUnsafeBufferPointer { String(cMessage: $0.baseAddress!, fittedTo: .message) }
        #expect(emoji.unicodeScalars.count == TextColumn.message.limit)
        #expect(!emoji.unicodeScalars.dropLast().contains("\u{FFFD}"))
    }

    @Test("confirmations 2 with one worker: a disagreeing check runs once per interval, not in a loop; a joining worker completes the round at once")
    func tooFewWorkersNoFlood() {
        var scheduler = CheckScheduler(settings: SchedulerSettings(confirmations: 2))
        scheduler.load([SchedulerTests.definition(interval: 10, delay: 0)], now: 0)
        var runs = 0
        var flips: [Decision] = []
        // The lone worker asks for work every 10 ms for 15 s and reports offline each time.
        for now in stride(from: Int64(0), to: 15_000, by: 10) {
            for assignment in scheduler.assign(to: "w1", capacity: 10, now: now).assignments {
                runs += 1
                flips += scheduler.report(WorkerResult(checkID: assignment.checkID, token: assignment.token, status: .offline, message: "refused",
                                                       latencyMilliseconds: 1), from: "w1", now: now + 5)
            }
        }
        #expect(runs == 2)
        #expect(flips.filter { if case .flip = $0 { true } else { false } }.isEmpty)
        #expect(scheduler.waitingForWorkers(now: 15_000) == [1])
        #expect(scheduler.checks[1]?.turnSet == ["w1"])

        // A second worker joins: it is outside the round, so it gets the check at once.
        let joined = scheduler.assign(to: "w2", capacity: 10, now: 15_000).assignments
        #expect(joined.map(\.checkID) == [1])
        let decisions = scheduler.report(WorkerResult(checkID: 1, token: joined[0].token, status: .offline, message: "refused", latencyMilliseconds: 1),
                                         from: "w2", now: 15_005)
        #expect(decisions == [.flip(checkID: 1, status: .offline, message: "refused")])
        #expect(scheduler.waitingForWorkers(now: 15_005).isEmpty)
    }

    @Test("with too few workers an agreeing result at the interval resets the round")
    func agreeingResultResets() {
        var scheduler = CheckScheduler(settings: SchedulerSettings(confirmations: 2))
        scheduler.load([SchedulerTests.definition(interval: 10, delay: 0)], now: 0)
        let first = scheduler.assign(to: "w1", capacity: 1, now: 0).assignments[0]
        _ = scheduler.report(WorkerResult(checkID: 1, token: first.token, status: .offline, message: "x", latencyMilliseconds: 1), from: "w1", now: 5)
        #expect(scheduler.assign(to: "w1", capacity: 1, now: 5_000).assignments.isEmpty)
        let second = scheduler.assign(to: "w1", capacity: 1, now: 10_000).assignments[0]
        _ = scheduler.report(WorkerResult(checkID: 1, token: second.token, status: .online, message: "ok", latencyMilliseconds: 1), from: "w1", now: 10_005)
        #expect(scheduler.checks[1]?.turnSet.isEmpty == true)
        #expect(scheduler.waitingForWorkers(now: 10_005).isEmpty)
    }

    @Test("alerting's self-check: OK with ages; ERROR naming the check or contact past each limit, and for held checks")
    func alertingJudge() {
        let judge = AlertingJudge(maxFlipWait: .seconds(30), maxNotifyWait: .seconds(60))
        let ok = judge.judge(flips: [.init(checkID: 3, checkName: "web", decidedAt: 1_000)], held: [],
                             oldestDue: DueNotification(eventID: "e1", checkID: 3, contactID: 9, dueAt: 100_000), now: 20_000, wallNow: 150_000)
        #expect(ok.isOK)
        #expect(ok.oldestUnwrittenFlipMs == 19_000)
        #expect(ok.oldestDueNotificationMs == 50_000)
        #expect(ok.summary == "alerting works")

        let late = judge.judge(flips: [.init(checkID: 3, checkName: "web", decidedAt: 1_000)], held: [.init(checkID: 4, reason: "refused")],
                               oldestDue: DueNotification(eventID: "e1", checkID: 3, contactID: 9, dueAt: 0), now: 31_001, wallNow: 60_001)
        #expect(!late.isOK)
        #expect(late.problems.count == 3)
        #expect(late.summary.contains("check 3 (web)"))
        #expect(late.summary.contains("check 4 is held"))
        #expect(late.summary.contains("contact 9"))
        #expect(late.heldChecks == [4])

        let quiet = judge.judge(flips: [], held: [], oldestDue: nil, now: 0, wallNow: 0)
        #expect(quiet.isOK && quiet.oldestUnwrittenFlipMs == nil && quiet.oldestDueNotificationMs == nil)

        // Held notifications that cannot be released: fine for a moment, an error past maxNotifyWait.
        let failure = AlertingJudge.ReleaseFailure(since: 1_000, reason: "database is locked")
        #expect(judge.judge(flips: [], held: [], oldestDue: nil, releaseFailure: failure, now: 60_000, wallNow: 0).isOK)
        let stuck = judge.judge(flips: [], held: [], oldestDue: nil, releaseFailure: failure, now: 61_001, wallNow: 0)
        #expect(!stuck.isOK && stuck.summary.contains("cannot be released for 60 s: database is locked"))
    }
}

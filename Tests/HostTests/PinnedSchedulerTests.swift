import Testing
@testable import BearmonCore
@testable import BearmonRoles

/// Pinning in the controller's state machine: a pinned check goes only to its pinned live
/// workers, and with fewer of them than `confirmations` all of them must agree. Fake clock.
@Suite("controller state machine: pinned checks")
struct PinnedSchedulerTests {
    static func pinned(_ nodes: Set<String>, delay: Int64 = 0) -> CheckDefinition {
        CheckDefinition(id: 1, name: "c1", type: "tcp", data: "{}", intervalSeconds: 60, delay: delay, status: .online,
                        maxRunMilliseconds: 10_000, nodes: nodes)
    }

    @Test("only pinned workers are given the check, though others ask first and the last-worker rule would pass it on")
    func onlyPinned() {
        let h = SchedulerTests.Harness(confirmations: 1, checks: [Self.pinned(["b"])])
        for worker in ["b", "c"] { _ = h.assign(worker, at: 0, capacity: 0) }
        #expect(h.assign("a", at: 0).isEmpty)
        #expect(h.assign("c", at: 0).isEmpty)
        #expect(h.run("b", at: 1, .online))
        // Again due: b ran it last, but no other pinned worker is alive, so b runs it again.
        for worker in ["b", "c"] { _ = h.assign(worker, at: 59_000, capacity: 0) }
        #expect(h.assign("a", at: 60_020).isEmpty)
        #expect(h.run("b", at: 60_020, .online))
    }

    @Test("pinned to one node with confirmations 3: that node's verdict flips it; pinned to two, both must agree")
    func confirmations() {
        let one = SchedulerTests.Harness(confirmations: 3, checks: [Self.pinned(["b"])])
        for worker in ["a", "c"] { _ = one.assign(worker, at: 0, capacity: 0) }
        #expect(one.run("b", at: 0, .offline))
        #expect(one.status == .offline)

        let two = SchedulerTests.Harness(confirmations: 3, checks: [Self.pinned(["a", "b"])])
        _ = two.assign("c", at: 0, capacity: 0)
        _ = two.assign("b", at: 0, capacity: 0)
        #expect(two.run("a", at: 0, .offline))
        #expect(two.status == .online, "one of two pinned nodes is not all of them")
        #expect(two.run("b", at: 20, .offline), "the confirmation run goes to the other pinned node at once")
        #expect(two.status == .offline)
    }

    @Test("with no pinned node alive the check waits (5 s at most), and does not crowd the queue for other checks")
    func noneAlive() {
        let other = CheckDefinition(id: 2, name: "c2", type: "tcp", data: "{}", intervalSeconds: 60, delay: 0, status: .online, maxRunMilliseconds: 10_000)
        let h = SchedulerTests.Harness(confirmations: 1, checks: [Self.pinned(["gone"]), other])
        let first = h.assign("a", at: 0)
        #expect(first.map(\.checkID) == [2])
        #expect(h.assign("a", at: 1_000).isEmpty)
        _ = h.assign("gone", at: 2_000, capacity: 0)
        #expect(h.assign("gone", at: 5_000).map(\.checkID) == [1], "the pinned node, once alive, gets it at the next look")
    }
}

import BearmonSystem
import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonStore

/// `[twilio] maxPerHour` end to end: a flapping http target against an sms contact, sent
/// through the Twilio stand-in, with the budget's hour shortened by the test node's
/// BEARMON_TEST_BUDGET_WINDOW_MS; optionally across a kill -9 of the node mid-flapping.
@Suite("budget end to end")
struct BudgetEndToEndTests {
    /// The shortened hour.
    static let window: Int64 = 20_000
    static let limit = 3

    @Test("a flapping target and an sms contact with 3 per hour: at most 3 in any hour, then one catch-up with the missed count, and the final state right",
          arguments: [false, true])
    func flapping(crash: Bool) async throws {
        let twilio = TwilioContactTests.self
        // The fixture's address is known only once it runs: the config names it through a
        // second file written after (the node reads its config when it starts).
        let node = try await LedgerNode(environment: ["BEARMON_TEST_BUDGET_WINDOW_MS": "\(Self.window)"])
        try node.dir.write("node.cfg", """
            [twilio]
            accountSid = \(twilio.accountSID)
            authToken = \(twilio.authToken)
            from = +15550001111
            baseURL = \(node.fixture.url(""))
            maxPerHour = \(Self.limit)
            """)
        let check = try node.addCheck("flappy")
        let sms = try node.store.addContact(type: "sms", data: "+15551234567")
        try node.alert(check, sms)

        let outcome = try await offPool { () -> String? in
            try node.start()
            guard node.awaitFirstResults([check]) else { return "the check never ran" }
            // Seven flips, each waited for, ending offline.
            var up = false
            for flip in 1...7 {
                try node.set("flappy", up: up)
                guard node.awaitStatus([check], up ? .online : .offline) else { return "flip \(flip) did not happen" }
                if crash, flip == 4 {
                    guard node.crashWhenIdle() else { return "a notification stayed pending" }
                    try node.start()
                }
                up.toggle()
            }
            let heldRows = node.outbox().filter { $0.state == .held }.count
            guard heldRows > 0 else { return "the budget held nothing: \(node.outbox())" }
            // The catch-up comes when the budget's window has room again.
            guard waitUntil(timeout: 60, { node.outbox().contains { $0.kind == .catchUp && $0.state == .delivered } }) else {
                return "no catch-up was delivered: \(node.outbox())"
            }
            try node.set("flappy", up: true)
            guard node.awaitStatus([check], .online) else { return "the final recovery did not happen" }
            guard waitUntil(timeout: 30, { node.outbox().last.map { $0.status == .online && $0.state == .delivered } == true }) else {
                return "the final online was not delivered: \(node.outbox())"
            }
            guard node.awaitSettled(receivedCount: { node.twilioRequests.count }) else { return "the outbox did not settle" }
            return nil
        }
        #expect(outcome == nil, "\(outcome ?? "")\n\(node.logs)")

        let rows = node.outbox()
        let sent = rows.filter { $0.state == .delivered }
        // What Twilio got is exactly what the outbox delivered: one message per row, by sid.
        let sids = node.twilioRequests.compactMap { $0["sid"] as? String }
        #expect(sids.count == node.twilioRequests.count)
        #expect(sids.sorted() == sent.compactMap(\.receipt).sorted(), "\(rows)")
        #expect(Set(sent.map(\.eventID)).count == sent.count)
        // At most the budget in any window, counted as the budget counts: by when rows were written.
        for row in sent {
            let inWindow = sent.filter { $0.createdAt > row.createdAt - Self.window && $0.createdAt <= row.createdAt }
            #expect(inWindow.count <= Self.limit, "\(inWindow.count) sent in the window ending at row \(row.id): \(sent)")
        }
        // Exactly one catch-up, of the state the check was in, with the flips it stands for.
        let catchUps = rows.filter { $0.kind == .catchUp }
        #expect(catchUps.count == 1, "\(rows)")
        let catchUp = try #require(catchUps.first)
        #expect(catchUp.status == .offline && catchUp.state == .delivered)
        let cancelled = rows.filter { $0.state == .cancelled }
        #expect(catchUp.missed >= 1 && catchUp.missed <= Int64(cancelled.count), "\(rows)")
        #expect(catchUp.detail.contains("budget \(Self.limit)/h"), "\(catchUp.detail)")
        #expect(rows.allSatisfy { [.delivered, .cancelled].contains($0.state) }, "\(rows)")
        // Never the same status twice in a row, and it ends where the check is.
        let told = sent.map(\.status)
        #expect(zip(told, told.dropFirst()).allSatisfy { $0 != $1 }, "a status sent twice in a row: \(sent.map { "\($0.status) \($0.kind)" })")
        #expect(told.first == .offline && told.last == .online)
        #expect(node.status(check) == "online")
        #expect(try node.store.ledger().map(\.status) == [.online])
        // The messages say it: offline ones name the target's error, online ones say so.
        let bodies = node.twilioRequests.compactMap { ($0["form"] as? [String: String])?["Body"] }
        // A flip says "is now", the catch-up says what it is and why it comes late.
        #expect(bodies.count == sent.count && bodies.allSatisfy { $0.hasPrefix("Check [flappy] is ") }, "\(bodies)")
        #expect(bodies.filter { $0.contains("held by budget \(Self.limit)/h") }.count == 1, "\(bodies)")
    }
}

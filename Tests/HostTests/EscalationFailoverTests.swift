import BearmonSystem
import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonStore

/// Escalations and reminders across a controller failover in a real cluster (viewserver, three
/// workers, MariaDB): an escalation's due time and a reminder's last time are rows, so the next
/// controller continues from them, with no notification lost or doubled.
@Suite("escalation across a failover")
struct EscalationFailoverTests {
    @Test("kill -9 the controller while an escalation waits and reminders run: the new controller sends the escalation once, the reminders go on numbered without a double, the onlines follow")
    func escalationAcrossFailover() async throws {
        let cluster = try await Cluster(confirmations: 2)
        let state = try TempDirectory("bearmon-switch")
        let receiver = try await FixtureHTTPServer.recorder()
        let statePath = state.path
        let server = try await offPool { try FixtureHTTPServer(state: statePath) }
        let check = try cluster.store.addCheck(NewCheck(name: "web", type: "http", data: #"{"url":"\#(server.url("/switch/web"))","expect_status":200}"#,
                                                        interval: 1, delay: 0))
        let first = try cluster.store.addContact(type: "webhook", data: receiver.url("/record/first"))
        let second = try cluster.store.addContact(type: "webhook", data: receiver.url("/record/second"))
        let firstAlert = try cluster.store.addAlert(checkID: check, contactID: first, type: .both)
        let secondAlert = try cluster.store.addAlert(checkID: check, contactID: second, type: .both)
        try cluster.store.setAlertOptions(firstAlert, AlertOptions(repeatMilliseconds: 3_000))
        try cluster.store.setAlertOptions(secondAlert, AlertOptions(afterMilliseconds: 5_000))
        let notes: @Sendable () -> [(path: String, kind: String, status: String, event: String)] = {
            receiver.recorded.compactMap { request in
                guard let body = request["body"] as? String,
                      let fields = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else { return nil }
                return (request["path"] as? String ?? "", fields["kind"] as? String ?? "?", fields["status"] as? String ?? "?", fields["event_id"] as? String ?? "")
            }
        }
        let rows: @Sendable () -> [OutboxEntry] = { (try? cluster.store.outbox(states: Set(OutboxState.allCases))) ?? [] }
        let outcome = try await offPool { () -> String? in
            try state.write("web", "up")
            try cluster.start()
            _ = waitUntil(timeout: 4) { false }
            try state.write("web", "down")
            guard waitUntil(timeout: 60, { rows().contains { $0.state == .held && $0.kind == .escalation } }) else { return "no held escalation: \(rows())" }
            guard let controller = cluster.controllerNumber() else { return "no controller" }
            cluster.crashWorker(controller)
            guard cluster.awaitNewController(replacing: controller) != nil else { return "no new controller" }
            guard waitUntil(timeout: 60, { notes().contains { $0.path == "/record/second" } }) else { return "the escalation never came: \(rows())" }
            guard waitUntil(timeout: 60, { notes().filter { $0.kind == "reminder" }.count >= 2 }) else { return "no reminders after the failover: \(rows())" }
            try state.write("web", "up")
            guard waitUntil(timeout: 60, { notes().filter { $0.status == "online" }.count >= 2 }) else { return "the onlines never came: \(notes())" }
            _ = waitUntil(timeout: 3) { false }
            return nil
        }
        #expect(outcome == nil, "\(outcome ?? "")\n\(cluster.logs.suffix(8_000))")
        let got = notes()
        #expect(got.filter { $0.path == "/record/second" }.map { "\($0.status) \($0.kind)" } == ["offline escalation", "online flip"], "\(got)")
        let firstKinds = got.filter { $0.path == "/record/first" }.map(\.kind)
        #expect(firstKinds.first == "flip" && firstKinds.last == "flip" && firstKinds.dropFirst().dropLast().allSatisfy { $0 == "reminder" }, "\(got)")
        #expect(Set(got.map(\.event)).count == got.count, "an event id arrived twice: \(got)")
        let reminders = rows().filter { $0.kind == .reminder }.map(\.missed)
        #expect(reminders == Array(1...Int64(max(1, reminders.count))), "\(reminders)")
    }
}

import BearmonSystem
import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonStore

/// Acknowledge links end to end (issue 23): with `[notify] publicURL` set, the first contact's
/// offline notification carries a signed link; a GET of it (as a mail scanner makes) changes
/// nothing, a POST of its form acknowledges once, and the escalation waiting behind it never
/// goes out; across a kill -9 of the node between the GET and the POST.
@Suite("acknowledge links end to end")
struct AckLinkEndToEndTests {
    static let publicURL = "https://status.example.net"

    /// `link` as the node serves it: the public URL's origin replaced by the node's address.
    static func local(_ link: String, on address: String) -> String {
        "http://\(address)" + link.dropFirst(publicURL.count)
    }

    static func get(_ url: String) throws -> (Int, String) {
        let (code, body) = try HTTPTestClient.request(url)
        return (code, String(decoding: body, as: UTF8.self))
    }

    static func post(_ url: String, form: String) throws -> (Int, String) {
        let (code, body) = try HTTPTestClient.request(url, method: "POST", body: Data(form.utf8), headers: ["Content-Type": "application/x-www-form-urlencoded"])
        return (code, String(decoding: body, as: UTF8.self))
    }

    @Test("GET shows the form and acknowledges nothing; POST acknowledges once (again: 409), forged or cut links get 404; the escalation never goes out; the online carries no link", arguments: [false, true])
    func link(crash: Bool) async throws {
        let node = try await LedgerNode(config: "[notify]\npublicURL = \(Self.publicURL)\n")
        let check = try node.addCheck("web")
        let first = try node.store.addContact(type: "webhook", data: node.fixture.url("/record/first"))
        let second = try node.store.addContact(type: "webhook", data: node.fixture.url("/record/second"))
        _ = try node.store.addAlert(checkID: check, contactID: first, type: .both)
        let escalation = try node.store.addAlert(checkID: check, contactID: second, type: .both)
        // 30 s: the acknowledgement surely comes first even on a loaded machine.
        try node.store.setAlertOptions(escalation, AlertOptions(afterMilliseconds: 30_000))
        let told: @Sendable (String) -> [ReceivedNote] = { name in node.notes.filter { $0.path == "/record/\(name)" } }

        let started = try await offPool { () -> String? in
            try node.start()
            guard node.awaitFirstResults([check]) else { return "the check never ran" }
            try node.set("web", up: false)
            guard waitUntil(timeout: 30, { told("first").count >= 1 }) else { return "the first contact never heard the offline" }
            return nil
        }
        #expect(started == nil, "\(started ?? "")\n\(node.logs)")
        let offline = try #require(node.outbox().first { $0.contactID == first && $0.status == .offline })
        // The link the sender made is the one the store's shared key signs for that event.
        let link = try #require(try AckLinks(store: node.store, publicURL: Self.publicURL).url(for: offline))
        #expect(link.hasPrefix("\(Self.publicURL)/ack/\(offline.eventID)?sig="), "\(link)")
        let body = node.fixture.recorded.first { $0["path"] as? String == "/record/first" }?["body"] as? String ?? ""
        let fields = (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]) ?? [:]
        #expect(fields["ack_url"] as? String == link, "\(body)")

        let address = try #require(node.address)
        let url = Self.local(link, on: address)
        let signature = String(link.split(separator: "=").last ?? "")
        let shown = try await offPool { try Self.get(url) }
        #expect(shown.0 == 200 && shown.1.contains("method=\"post\"") && shown.1.contains("web"), "\(shown)")
        #expect(try node.store.activeAcks(now: wallMilliseconds()).isEmpty, "a GET acknowledged")

        // Forged, cut, or for another event: 404, the same answer, nothing acknowledged.
        let forged = String(signature.dropLast()) + (signature.hasSuffix("0") ? "1" : "0")
        let other = UUID().uuidString.lowercased()
        let refused = try await offPool {
            try [Self.get("http://\(address)/ack/\(offline.eventID)?sig=\(forged)"), Self.get("http://\(address)/ack/\(offline.eventID)?sig=\(signature.prefix(40))"),
                 Self.get("http://\(address)/ack/\(other)?sig=\(signature)"), Self.get("http://\(address)/ack/\(offline.eventID)"),
                 Self.post("http://\(address)/ack/\(offline.eventID)", form: "sig=\(forged)"),
                 Self.get("http://\(address)/ack/%2e%2e%2fapi?sig=\(signature)")]
        }
        #expect(refused.map(\.0) == [404, 404, 404, 404, 404, 404], "\(refused)")
        #expect(try node.store.activeAcks(now: wallMilliseconds()).isEmpty)

        if crash {
            let restarted = try await offPool { () -> String? in
                guard node.crashWhenIdle() else { return "a notification stayed pending: \(node.outbox())" }
                try node.start()
                return nil
            }
            #expect(restarted == nil, "\(restarted ?? "")")
        }
        let address2 = try #require(node.address)
        let action = "http://\(address2)/ack/\(offline.eventID)"
        let done = try await offPool { try Self.post(action, form: "sig=\(signature)&comment=on+it%2C+%C3%A9t%C3%A9") }
        #expect(done.0 == 200 && done.1.contains("Acknowledged by"), "\(done)")
        let acks = try node.store.activeAcks(now: wallMilliseconds())
        #expect(acks[check]?.by.contains("(acknowledge link)") == true && acks[check]?.comment == "on it, été", "\(acks)")
        let again = try await offPool { try Self.post(action, form: "sig=\(signature)") }
        #expect(again.0 == 409 && again.1.contains("acknowledged this outage"), "\(again)")

        let after = try await offPool { () -> String? in
            // Past the escalation's due time: still held, the second contact told nothing.
            guard let due = node.outbox().first(where: { $0.kind == .escalation })?.notBefore else { return "no escalation row" }
            _ = waitUntil(timeout: 60) { wallMilliseconds() > due + 3_000 }
            guard told("second").isEmpty else { return "the acknowledged escalation went out: \(node.notes)" }
            try node.set("web", up: true)
            guard waitUntil(timeout: 30, { told("first").count >= 2 }) else { return "no online to the first contact" }
            guard node.awaitSettled(receivedCount: { node.notes.count }) else { return "the outbox did not settle" }
            return nil
        }
        #expect(after == nil, "\(after ?? "")\n\(node.logs)")
        #expect(told("first").map { "\($0.status) \($0.kind)" } == ["offline flip", "online flip"], "\(node.notes)")
        let online = node.fixture.recorded.last { $0["path"] as? String == "/record/first" }?["body"] as? String ?? ""
        let onlineFields = (try? JSONSerialization.jsonObject(with: Data(online.utf8)) as? [String: Any]) ?? [:]
        #expect((onlineFields["ack_url"] as? String ?? "") == "", "\(online)")
        // The online says who had acknowledged the outage it ends.
        #expect((onlineFields["acknowledged_by"] as? String)?.hasSuffix("(acknowledge link)") == true, "\(online)")
        // Once the outage is over the link says so, and acknowledges nothing.
        let late = try await offPool { try Self.post(action, form: "sig=\(signature)") }
        #expect(late.0 == 409, "\(late)")
        #expect(try node.store.activeAcks(now: wallMilliseconds()).isEmpty)
    }

    @Test("without [notify] publicURL no notification carries a link, and a link signed with the cluster's key still acknowledges")
    func noPublicURL() async throws {
        let node = try await LedgerNode()
        let check = try node.addCheck("web")
        try node.alert(check, try node.addWebhook())
        let outcome = try await offPool { () -> String? in
            try node.start()
            guard node.awaitFirstResults([check]) else { return "the check never ran" }
            try node.set("web", up: false)
            guard waitUntil(timeout: 30, { node.notes.count >= 1 }) else { return "no offline" }
            return nil
        }
        #expect(outcome == nil, "\(outcome ?? "")\n\(node.logs)")
        let body = node.fixture.recorded.first { ($0["path"] as? String)?.hasPrefix("/record") == true }?["body"] as? String ?? ""
        #expect(((try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])?["ack_url"] as? String ?? "") == "", "\(body)")
        let offline = try #require(node.outbox().first { $0.status == .offline })
        let signature = try AckLinks(store: node.store, publicURL: nil).signature(for: offline.eventID)
        let address = try #require(node.address)
        let done = try await offPool { try Self.post("http://\(address)/ack/\(offline.eventID)", form: "sig=\(signature)") }
        #expect(done.0 == 200, "\(done)")
        #expect(try node.store.activeAcks(now: wallMilliseconds())[check] != nil)
    }
}

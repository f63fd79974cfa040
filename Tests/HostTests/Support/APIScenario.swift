import Foundation
@testable import BearmonCore
@testable import BearmonStore

/// The REST API's whole CRUD cycle against a running node, as a script would drive it, with a
/// read and a write token: every step that goes wrong is written down in ``failures`` (the
/// scenario runs off the cooperative pool, where `#expect` has no test to report to).
final class APIScenario: @unchecked Sendable {
    /// One answer: status, headers and body.
    struct Answer {
        let code: Int
        let headers: [String: String]
        let data: Data
        /// The body as a JSON object.
        var object: [String: Any] { (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:] }
        /// The `error` of a refusal.
        var error: String { object["error"] as? String ?? "" }
        /// The `id` of a resource.
        var id: Int64 { (object["id"] as? NSNumber)?.int64Value ?? 0 }
        /// The `items` of a page.
        var items: [[String: Any]] { object["items"] as? [[String: Any]] ?? [] }
        var text: String { String(decoding: data, as: UTF8.self) }
    }

    let address: String
    let reader: String
    let writer: String
    let store: any Store
    private(set) var failures: [String] = []

    /// A scenario against the node at `address`, whose tokens `reader` and `writer` are in `store`.
    init(address: String, reader: String, writer: String, store: any Store) {
        self.address = address
        self.reader = reader
        self.writer = writer
        self.store = store
    }

    /// `method` on `path` with `token` (nil: none) and `body`, sent as `contentType`.
    func call(_ method: String, _ path: String, token: String?, body: String? = nil, contentType: String = "application/json", at address: String? = nil) throws -> Answer {
        var headers: [String: String] = body == nil ? [:] : ["Content-Type": contentType]
        if let token { headers["Authorization"] = "Bearer \(token)" }
        let (code, data, fields) = try HTTPTestClient.exchange("http://\(address ?? self.address)\(path)", method: method, body: body.map { Data($0.utf8) },
                                                               headers: headers, timeout: 10)
        return Answer(code: code, headers: fields, data: data)
    }

    /// Records a failure unless `condition` holds.
    func expect(_ condition: Bool, _ what: @autoclosure () -> String) {
        if !condition { failures.append(what()) }
    }

    /// Expects `answer` to be a refusal with `code` whose message contains `words`.
    func expectRefusal(_ answer: Answer, _ code: Int, _ words: String, _ step: String) {
        expect(answer.code == code && !answer.error.isEmpty && (words.isEmpty || answer.error.contains(words)), "\(step): wanted \(code) saying '\(words)', got \(answer.code) \(answer.text.prefix(300))")
    }

    /// Runs every step.
    func run() throws {
        try checks()
        try paging()
        let (contact, check) = try contactsAndAlerts()
        try tokens()
        try access()
        try history(check)
        try deletes(contact: contact, check: check)
    }

    /// Checks: create with a secret, mask, merge patches where a mask means unchanged, refusals naming the field.
    private func checks() throws {
        let body = #"{"name":"api web","type":"http","data":{"url":"http://127.0.0.1:9/","password":"hunter2"},"interval":30,"tags":["eu","db"],"public":true}"#
        let created = try call("POST", "/api/v1/checks", token: writer, body: body)
        expect(created.code == 201, "create check: \(created.code) \(created.text)")
        let id = created.id
        expect(created.headers["Location"] == "/api/v1/checks/\(id)", "Location: \(created.headers)")
        expect(!created.text.contains("hunter2"), "the password is shown: \(created.text)")
        expect(created.object["tags"] as? [String] == ["db", "eu"] && created.object["public"] as? Bool == true, "tags/public: \(created.text)")
        let fetched = try call("GET", "/api/v1/checks/\(id)", token: reader)
        expect(fetched.code == 200 && fetched.data == created.data, "get check: \(fetched.code) \(fetched.text)")

        // The whole shown check sent back with one change: the masked password is kept.
        var shown = fetched.object
        var data = shown["data"] as? [String: Any] ?? [:]
        data["url"] = "http://127.0.0.1:10/"
        shown["data"] = data
        shown["interval"] = 45
        let whole = try call("PATCH", "/api/v1/checks/\(id)", token: writer, body: String(decoding: try JSONSerialization.data(withJSONObject: shown), as: UTF8.self))
        expect(whole.code == 200 && whole.object["interval"] as? Int == 45, "patch with the whole shown check: \(whole.code) \(whole.text)")
        let stored = try store.checkRow(id)?.data ?? ""
        expect(stored.contains("hunter2") && stored.contains("127.0.0.1:10"), "the mask sent back changed the stored password, or the url did not change: \(stored)")

        // A merge patch: only what it names changes; null removes.
        let merge = try call("PATCH", "/api/v1/checks/\(id)", token: writer, body: #"{"tags":null,"data":{"timeout":5}}"#, contentType: "application/merge-patch+json")
        expect(merge.code == 200 && (merge.object["tags"] as? [String]) == [] && merge.object["interval"] as? Int == 45, "merge patch: \(merge.code) \(merge.text)")
        let merged = try store.checkRow(id)?.data ?? ""
        expect(merged.contains("hunter2") && merged.contains("\"timeout\":5"), "a merge patch of data lost a parameter: \(merged)")

        expectRefusal(try call("PATCH", "/api/v1/checks/\(id)", token: writer, body: #"{"interval":"often"}"#), 400, "interval", "interval of the wrong type")
        expectRefusal(try call("PATCH", "/api/v1/checks/\(id)", token: writer, body: #"{"bogus":1}"#), 400, "bogus", "unknown field in a patch")
        expectRefusal(try call("PATCH", "/api/v1/checks/\(id)", token: writer, body: #"{"status":"not-a-state"}"#), 400, "status", "a read-only field")
        expectRefusal(try call("POST", "/api/v1/checks", token: writer, body: #"{"name":"x","type":"http","data":{"url":"ftp://x"}}"#), 400, "url", "bad params")
        expectRefusal(try call("POST", "/api/v1/checks", token: writer, body: #"{"name":"x","type":"nosuch","data":{}}"#), 400, "nosuch", "unknown type")
        expectRefusal(try call("POST", "/api/v1/checks", token: writer, body: #"{"name":"x","type":"tcp","data":{"address":"127.0.0.1:9"},"id":7}"#), 400, "id", "an id in a creation")
        expectRefusal(try call("POST", "/api/v1/checks", token: writer, body: "name=x", contentType: "application/x-www-form-urlencoded"), 415, "Content-Type", "a form body")
        expectRefusal(try call("POST", "/api/v1/checks", token: writer, body: "{not json"), 400, "not valid JSON", "broken JSON")
        expectRefusal(try call("GET", "/api/v1/checks/999999", token: reader), 404, "999999", "a missing check")
        expect(try store.checkRows().filter { $0.name == "x" }.isEmpty, "a refused creation stored a check")
    }

    /// Pages by `limit` and `next`; a tampered cursor is refused; `tag` filters.
    private func paging() throws {
        for index in 1...3 {
            let answer = try call("POST", "/api/v1/checks", token: writer, body: #"{"name":"page \#(index)","type":"tcp","data":{"address":"127.0.0.1:9"},"tags":["paged"],"enabled":false}"#)
            expect(answer.code == 201, "create page \(index): \(answer.code) \(answer.text)")
        }
        let first = try call("GET", "/api/v1/checks?tag=paged&limit=2", token: reader)
        let next = first.object["next"] as? String ?? ""
        expect(first.code == 200 && first.items.count == 2 && !next.isEmpty, "first page: \(first.code) \(first.text)")
        let query = next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let second = try call("GET", "/api/v1/checks?tag=paged&limit=2&cursor=\(query)", token: reader)
        expect(second.code == 200 && second.items.map { $0["name"] as? String } == ["page 3"] && second.object["next"] == nil, "second page: \(second.text)")
        var tampered = Array(next)
        if let index = tampered.indices.dropFirst(4).first { tampered[index] = tampered[index] == "A" ? "B" : "A" }
        let forged = String(tampered).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        expectRefusal(try call("GET", "/api/v1/checks?tag=paged&limit=2&cursor=\(forged)", token: reader), 400, "cursor", "a tampered cursor")
        expectRefusal(try call("GET", "/api/v1/checks?limit=2&cursor=\(query)", token: reader), 400, "cursor", "a cursor from another list")
        expectRefusal(try call("GET", "/api/v1/checks?limit=501", token: reader), 400, "limit", "limit over 500")
    }

    /// Contacts (a unique name, a secret header) and alerts between a check and a contact.
    private func contactsAndAlerts() throws -> (contact: Int64, check: Int64) {
        let body = #"{"name":"ops","type":"webhook","data":{"url":"http://127.0.0.1:9/hook","headers":{"Authorization":"Bearer s3cret"}}}"#
        let contact = try call("POST", "/api/v1/contacts", token: writer, body: body)
        expect(contact.code == 201 && !contact.text.contains("s3cret"), "create contact: \(contact.code) \(contact.text)")
        expectRefusal(try call("POST", "/api/v1/contacts", token: writer, body: body), 409, "ops", "a contact name taken")
        let renamed = try call("PATCH", "/api/v1/contacts/\(contact.id)", token: writer, body: #"{"name":"ops-eu"}"#)
        expect(renamed.code == 200 && renamed.object["name"] as? String == "ops-eu", "rename contact: \(renamed.text)")
        expect(try store.contacts().first { $0.id == contact.id }?.data.contains("s3cret") == true, "renaming lost the contact's secret header")

        let check = try call("POST", "/api/v1/checks", token: writer, body: #"{"name":"alerted","type":"tcp","data":{"address":"127.0.0.1:9"}}"#)
        expectRefusal(try call("POST", "/api/v1/alerts", token: writer, body: #"{"check_id":\#(check.id),"contact_id":999999}"#), 400, "contact_id", "an alert to a missing contact")
        let alert = try call("POST", "/api/v1/alerts", token: writer, body: #"{"check_id":\#(check.id),"contact_id":\#(contact.id)}"#)
        expect(alert.code == 201 && alert.object["type"] as? String == "both" && alert.object["enabled"] as? Bool == true, "create alert: \(alert.code) \(alert.text)")
        let offline = try call("PATCH", "/api/v1/alerts/\(alert.id)", token: writer, body: #"{"type":"offline"}"#)
        expect(offline.code == 200 && offline.object["type"] as? String == "offline", "patch alert: \(offline.text)")
        expectRefusal(try call("PATCH", "/api/v1/alerts/\(alert.id)", token: writer, body: #"{"check_id":1}"#), 400, "check_id", "moving an alert")
        let list = try call("GET", "/api/v1/alerts", token: reader)
        expect(list.items.contains { ($0["id"] as? NSNumber)?.int64Value == alert.id }, "alerts list: \(list.text)")
        return (contact.id, check.id)
    }

    /// Tokens: shown once, work at once, revoked at once.
    private func tokens() throws {
        let created = try call("POST", "/api/v1/tokens", token: writer, body: #"{"name":"made-by-api","scope":"read"}"#)
        let token = created.object["token"] as? String ?? ""
        expect(created.code == 201 && token.hasPrefix("bm_"), "create token: \(created.code)")
        expect(try call("GET", "/api/v1/checks?limit=1", token: token).code == 200, "the new token could not read")
        expectRefusal(try call("POST", "/api/v1/tokens", token: token, body: #"{"name":"escalate","scope":"write"}"#), 403, "", "a read token made a token")
        let list = try call("GET", "/api/v1/tokens", token: reader)
        expect(list.code == 200 && !list.text.contains(token) && !list.text.contains(writer) && list.items.count >= 3, "tokens list: \(list.code)")
        expect(try call("DELETE", "/api/v1/tokens/\(created.id)", token: writer).code == 204, "revoke token")
        // A write, as a read with a dead token is answered while reads are open.
        expectRefusal(try call("DELETE", "/api/v1/checks/1", token: token), 401, "revoked", "a revoked token")
    }

    /// The access rule on the API: writes need the write token; a bad token is refused even for a read.
    private func access() throws {
        let body = #"{"name":"nope","type":"tcp","data":{"address":"127.0.0.1:9"}}"#
        expectRefusal(try call("POST", "/api/v1/checks", token: nil, body: body), 401, "", "a write without a token")
        expectRefusal(try call("POST", "/api/v1/checks", token: reader, body: body), 403, "", "a write with a read token")
        expectRefusal(try call("DELETE", "/api/v1/checks/1", token: reader), 403, "", "a delete with a read token")
        expectRefusal(try call("POST", "/api/v1/checks", token: "bm_" + String(repeating: "A", count: 43), body: body), 401, "", "an unknown token")
        expect(try store.checkRows().filter { $0.name == "nope" }.isEmpty, "a refused write stored a check")
    }

    /// Results and flips: pages of the right shape for a check that exists, 404 for one that does not.
    private func history(_ check: Int64) throws {
        for kind in ["results", "flips"] {
            let page = try call("GET", "/api/v1/checks/\(check)/\(kind)?limit=5", token: reader)
            expect(page.code == 200 && page.object["items"] is [Any], "\(kind): \(page.code) \(page.text)")
            expectRefusal(try call("GET", "/api/v1/checks/999999/\(kind)", token: reader), 404, "999999", "\(kind) of a missing check")
        }
    }

    /// Deleting a contact removes its alerts; deleting twice is 404.
    private func deletes(contact: Int64, check: Int64) throws {
        expect(try call("DELETE", "/api/v1/contacts/\(contact)", token: writer).code == 204, "delete contact")
        expectRefusal(try call("GET", "/api/v1/contacts/\(contact)", token: reader), 404, "\(contact)", "a deleted contact")
        expect(try store.alerts().allSatisfy { $0.contactID != contact }, "a deleted contact's alerts stayed")
        expect(try call("DELETE", "/api/v1/checks/\(check)", token: writer).code == 204, "delete check")
        expectRefusal(try call("DELETE", "/api/v1/checks/\(check)", token: writer), 404, "\(check)", "deleting twice")
    }
}

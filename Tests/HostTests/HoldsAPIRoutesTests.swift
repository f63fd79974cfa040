import BearmonSystem
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BearmonAPI
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonServer
@testable import BearmonStore

/// `/api/v1/maintenances` and `/api/v1/silences` in process over a real ``LocalCatalog`` on
/// SQLite: statuses, Location, 400s naming the field, 404, 409, the `active` filter, no PATCH,
/// and the creator a write records.
@Suite("maintenance and silence routes (in process)", .serialized)
struct HoldsAPIRoutesTests {
    private static let json: HTTPFields = [.contentType: "application/json"]

    /// The API over a fresh SQLite catalog with checks 1 (tag db) and 2.
    private func test(_ body: @Sendable (any TestClientProtocol, SQLStore) async throws -> Void) async throws {
        let dir = try TempDirectory("bearmon-holds-api")
        let store = SQLStore(database: try SQLiteDatabase(path: dir.file("h.sqlite")))
        try store.migrate()
        let catalog = LocalCatalog(store: store, host: ProductChecks().host)
        _ = try catalog.createCheck(try JSONValue.parse(#"{"name":"db1","type":"tcp","data":{"address":"127.0.0.1:1"},"tags":["db"]}"#))
        _ = try catalog.createCheck(try JSONValue.parse(#"{"name":"web","type":"tcp","data":{"address":"127.0.0.1:2"}}"#))
        let server = NodeServer(listen: HostPort(host: "127.0.0.1", port: 0), node: "n1", password: nil, monitor: nil, alerting: nil, logger: quietLogger)
        APIRoutes.add(to: server.open, catalog: catalog)
        try await server.application(services: []) {}.test(.router) { client in try await body(client, store) }
        withExtendedLifetime(dir) {}
    }

    private func object(_ response: TestResponse) throws -> [String: JSONValue] {
        guard case .object(let fields) = try JSONValue.parse(String(buffer: response.body)) else { return [:] }
        return fields
    }

    private func error(_ response: TestResponse) -> String {
        (try? object(response))?["error"].flatMap { if case .string(let text) = $0 { text } else { nil } } ?? ""
    }

    private func post(_ client: any TestClientProtocol, _ path: String, _ body: String) async throws -> TestResponse {
        try await client.execute(uri: path, method: .post, headers: Self.json, body: ByteBuffer(string: body))
    }

    @Test("maintenance windows: 201 with Location, get, list, 400 naming the field, 409 for a taken name, delete 204 then 404")
    func maintenanceCycle() async throws {
        try await test { client, store in
            let created = try await post(client, "/api/v1/maintenances",
                                         #"{"name":"nightly","tag":"db","cron":"0 2 * * SUN","duration":"2h","time_zone":"Europe/Berlin","comment":"backups"}"#)
            #expect(created.status == .created, "\(String(buffer: created.body))")
            let window = try object(created)
            guard case .int(let id) = window["id"] else { Issue.record("no id: \(String(buffer: created.body))"); return }
            #expect(created.headers[.location] == "/api/v1/maintenances/\(id)")
            #expect(window["cron"] == .string("0 2 * * SUN") && window["duration"] == .int(7200) && window["time_zone"] == .string("Europe/Berlin"))
            #expect(window["created_by"] == .string("anonymous") && window["all"] == .bool(false) && window["tag"] == .string("db"))
            #expect(window["next_start"] != nil)

            let fetched = try await client.execute(uri: "/api/v1/maintenances/\(id)", method: .get)
            let fetchedWindow = try object(fetched)
            #expect(fetched.status == .ok && fetchedWindow["name"] == .string("nightly"))
            let list = try await client.execute(uri: "/api/v1/maintenances", method: .get)
            #expect(String(buffer: list.body).hasPrefix(#"{"items":[{"#))

            let again = try await post(client, "/api/v1/maintenances", #"{"name":"nightly","all":true,"start":"2030-01-01T02:00:00Z","end":"2030-01-01T03:00:00Z"}"#)
            #expect(again.status == .conflict && error(again).contains("nightly"), "\(String(buffer: again.body))")
            // The shown resource is not a body: read-only fields are refused, as for checks.
            let shown = try await client.execute(uri: "/api/v1/maintenances", method: .post, headers: Self.json, body: fetched.body)
            #expect(shown.status == .badRequest && error(shown).contains("unknown field"), "\(String(buffer: shown.body))")

            let bad = try await post(client, "/api/v1/maintenances", #"{"check_id":1,"start":"2030-01-01T03:00:00Z","end":"2030-01-01T02:00:00Z"}"#)
            #expect(bad.status == .badRequest && error(bad).contains("ends"), "\(String(buffer: bad.body))")
            let patch = try await client.execute(uri: "/api/v1/maintenances/\(id)", method: .patch, headers: Self.json, body: ByteBuffer(string: "{}"))
            #expect(patch.status == .methodNotAllowed)

            let deleted = try await client.execute(uri: "/api/v1/maintenances/\(id)", method: .delete)
            #expect(deleted.status == .noContent)
            #expect(try await client.execute(uri: "/api/v1/maintenances/\(id)", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/api/v1/maintenances/\(id)", method: .delete).status == .notFound)
            #expect(try await client.execute(uri: "/api/v1/maintenances/abc", method: .get).status == .badRequest)
            #expect(try store.maintenances().isEmpty)
        }
    }

    @Test("silences: create, the active filter, DELETE ends early and keeps it, bad filter 400")
    func silenceCycle() async throws {
        try await test { client, store in
            let created = try await post(client, "/api/v1/silences", #"{"check_id":2,"duration":"2h","comment":"deploy"}"#)
            #expect(created.status == .created, "\(String(buffer: created.body))")
            let silence = try object(created)
            guard case .int(let id) = silence["id"], case .int(let starts) = silence["starts_at"], case .int(let expires) = silence["expires_at"] else {
                Issue.record("bad silence: \(String(buffer: created.body))"); return
            }
            #expect(expires - starts == 7_200_000 && silence["active"] == .bool(true))
            #expect(created.headers[.location] == "/api/v1/silences/\(id)")

            let active = try await client.execute(uri: "/api/v1/silences?active=true", method: .get)
            #expect(String(buffer: active.body).contains(#""id":\#(id)"#))
            let ended = try await client.execute(uri: "/api/v1/silences/\(id)", method: .delete)
            #expect(ended.status == .noContent)
            #expect(!String(buffer: try await client.execute(uri: "/api/v1/silences?active=true", method: .get).body).contains(#""id":\#(id)"#))
            let over = try await client.execute(uri: "/api/v1/silences?active=false", method: .get)
            #expect(String(buffer: over.body).contains(#""id":\#(id)"#) && String(buffer: over.body).contains("ended_at"))
            let kept = try store.silences()
            #expect(kept.count == 1 && kept.first?.endedAt != nil)
            // Ending it again changes nothing; a silence that never was is 404.
            #expect(try await client.execute(uri: "/api/v1/silences/\(id)", method: .delete).status == .noContent)
            #expect(try await client.execute(uri: "/api/v1/silences/999", method: .delete).status == .notFound)

            let filter = try await client.execute(uri: "/api/v1/silences?active=yes", method: .get)
            #expect(filter.status == .badRequest && error(filter).contains("active 'yes'"))
            let noExpiry = try await post(client, "/api/v1/silences", #"{"tag":"db","comment":"x"}"#)
            #expect(noExpiry.status == .badRequest && error(noExpiry).contains("needs an expiry"))
        }
    }
}

extension HoldsAPIRoutesTests {
    @Test("hostile bodies: non-UTF-8, Mars/Base, a 10k-character cron, huge and negative times: 400 naming the thing, nothing stored")
    func hostileBodies() async throws {
        try await test { client, store in
            var bytes = ByteBuffer(string: #"{"all":true,"comment":""#)
            bytes.writeBytes([0xff, 0xfe, 0x80])
            bytes.writeString(#"","cron":"0 2 * * *","duration":"1h"}"#)
            let binary = try await client.execute(uri: "/api/v1/maintenances", method: .post, headers: Self.json, body: bytes)
            #expect(binary.status == .badRequest && error(binary).contains("not valid JSON"), "\(String(buffer: binary.body))")
            let cases: [(String, String, String)] = [
                ("maintenances", #"{"all":true,"cron":"0 2 * * *","duration":"1h","time_zone":"Mars/Base"}"#, "unknown time zone 'Mars/Base'"),
                ("maintenances", #"{"all":true,"cron":"\#(String(repeating: "5", count: 10_000))","duration":"1h"}"#, "10000 bytes long"),
                ("maintenances", #"{"all":true,"start":-9223372036854775808,"end":9223372036854775807}"#, "out of range"),
                ("silences", #"{"check_id":9223372036854775807,"duration":"1h"}"#, "does not exist"),
                ("silences", #"{"check_id":1,"expires_at":9223372036854775807}"#, "out of range"),
                ("silences", #"{"check_id":1,"duration":9223372036854775807}"#, "positive number of seconds"),
            ]
            for (path, body, words) in cases {
                let answer = try await post(client, "/api/v1/\(path)", body)
                #expect(answer.status == .badRequest && error(answer).contains(words), "\(body.prefix(80)): \(String(buffer: answer.body).prefix(300))")
            }
            #expect(try store.maintenances().isEmpty && store.silences().isEmpty)
        }
    }
}

/// The fake catalog of APIRoutesTests has no windows or silences.
extension FakeCatalog {
    func listMaintenances(_ page: PageRequest) throws(CatalogError) -> Page<MaintenanceResource> { Page(items: [], next: nil) }
    func maintenance(_ id: Int64) throws(CatalogError) -> MaintenanceResource { throw CatalogError(.notFound, "maintenance window \(id) does not exist") }
    func createMaintenance(_ body: JSONValue, creator: String?) throws(CatalogError) -> MaintenanceResource { throw CatalogError(.invalid, "no windows here") }
    func deleteMaintenance(_ id: Int64) throws(CatalogError) { _ = try maintenance(id) }
    func listSilences(_ page: PageRequest, active: Bool?) throws(CatalogError) -> Page<SilenceResource> { Page(items: [], next: nil) }
    func silence(_ id: Int64) throws(CatalogError) -> SilenceResource { throw CatalogError(.notFound, "silence \(id) does not exist") }
    func createSilence(_ body: JSONValue, creator: String?) throws(CatalogError) -> SilenceResource { throw CatalogError(.invalid, "no silences here") }
    func endSilence(_ id: Int64) throws(CatalogError) { _ = try silence(id) }
}

/// The fake catalog of APIRoutesTests has no outages to acknowledge.
extension FakeCatalog {
    func acknowledge(_ id: Int64, body: JSONValue, creator: String?) throws(CatalogError) -> AckResource { throw CatalogError(.invalid, "check \(id) is online: only an outage can be acknowledged") }
    func clearAck(_ id: Int64) throws(CatalogError) { throw CatalogError(.notFound, "check \(id) has no acknowledgement in force") }
}

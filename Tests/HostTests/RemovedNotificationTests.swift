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

/// `removed` notifications through the catalog (what the CLI, the API and config as code
/// call): deleting or disabling a check, a contact or an alert while a contact last heard
/// `offline` writes one `removed` row (status online) for it, unless quiet; a contact that
/// heard `online` gets none; a deleted contact's row keeps its type and data to be delivered.
@Suite("removed notifications and --quiet")
struct RemovedNotificationTests {
    /// A catalog over a new SQLite store with one check, one webhook contact and an alert
    /// between them; the check has flipped to `status` and the contact heard it.
    private struct Setup {
        let dir: TempDirectory
        let store: SQLStore
        let catalog: LocalCatalog
        let check: Int64
        let contact: Int64
        let alert: Int64
        static let contactData = "http://127.0.0.1:9/hook"

        init(heard status: CheckStatus) throws {
            dir = try TempDirectory("bearmon-removed")
            store = SQLStore(database: try SQLiteDatabase(path: dir.file("removed.sqlite")))
            try store.migrate()
            catalog = LocalCatalog(store: store, host: ProductChecks().host)
            check = try store.addCheck(NewCheck(name: "web", type: "tcp", data: #"{"address":"127.0.0.1:9"}"#, interval: 60, delay: 0))
            contact = try store.addContact(type: "webhook", data: Self.contactData)
            alert = try store.addAlert(checkID: check, contactID: contact, type: .both)
            #expect(try store.raiseView(to: 1, holder: "test"))
            try flip(.offline)
            if status == .online { try flip(.online) }
        }

        func flip(_ status: CheckStatus) throws {
            _ = try store.recordFlip(FlipRequest(flipID: UUID().uuidString, checkID: check, status: status, message: "went \(status.rawValue)",
                                                 time: wallMilliseconds(), checkName: "web", checkType: "tcp", maskedData: "{}"), view: 1)
        }

        /// The `removed` rows written so far.
        func removed() throws -> [OutboxEntry] {
            try store.outbox(states: [.pending, .held, .delivered, .failed]).filter { $0.kind == .removed }
        }
    }

    /// One way to stop telling a contact about a check.
    struct Ending: CustomTestStringConvertible, Sendable {
        let testDescription: String
        let run: @Sendable (LocalCatalog, _ check: Int64, _ contact: Int64, _ alert: Int64, _ quiet: Bool) throws -> Void
    }

    static let endings: [Ending] = [
        Ending(testDescription: "checks rm") { catalog, check, _, _, quiet in try catalog.deleteCheck(check, quiet: quiet) },
        Ending(testDescription: "checks disable") { catalog, check, _, _, quiet in
            _ = try catalog.updateCheck(check, patch: .object(["enabled": .bool(false)]), quiet: quiet)
        },
        Ending(testDescription: "contacts rm") { catalog, _, contact, _, quiet in try catalog.deleteContact(contact, quiet: quiet) },
        Ending(testDescription: "alerts rm") { catalog, _, _, alert, quiet in try catalog.deleteAlert(alert, quiet: quiet) },
        Ending(testDescription: "alert disabled") { catalog, _, _, alert, quiet in
            _ = try catalog.updateAlert(alert, patch: .object(["enabled": .bool(false)]), quiet: quiet)
        },
        Ending(testDescription: "apply --prune of an empty file") { catalog, _, _, _, quiet in
            let report = try catalog.applyConfig(ConfigApplyRequest(yaml: "checks: {}\n", file: "empty.yaml", prune: true, dryRun: false, quiet: quiet))
            #expect(report.applied, "\(report.lines)")
        },
    ]

    @Test("a contact that heard offline gets exactly one removed row (status online, kind removed) and its ledger entry goes", arguments: endings)
    func notifiesWhoHeardOffline(_ ending: Ending) throws {
        let setup = try Setup(heard: .offline)
        #expect(try setup.store.ledger().count == 1)
        try ending.run(setup.catalog, setup.check, setup.contact, setup.alert, false)
        let removed = try setup.removed()
        #expect(removed.count == 1, "\(removed)")
        let row = try #require(removed.first)
        #expect(row.status == .online && row.kind == .removed && row.state == .pending)
        #expect(row.checkID == setup.check && row.contactID == setup.contact && !row.eventID.isEmpty)
        // Whether or not the contact row is gone, the row can be delivered: a snapshot stands in for it.
        #expect(row.contactType == "webhook" && row.contactData == Setup.contactData, "\(row)")
        #expect(try setup.store.ledger().isEmpty)
    }

    @Test("quiet: no removed row, and the ledger entry still goes", arguments: endings)
    func quietSendsNothing(_ ending: Ending) throws {
        let setup = try Setup(heard: .offline)
        try ending.run(setup.catalog, setup.check, setup.contact, setup.alert, true)
        #expect(try setup.removed().isEmpty)
        #expect(try setup.store.ledger().isEmpty)
    }

    @Test("a contact that last heard online gets nothing", arguments: endings)
    func onlineSendsNothing(_ ending: Ending) throws {
        let setup = try Setup(heard: .online)
        try ending.run(setup.catalog, setup.check, setup.contact, setup.alert, false)
        #expect(try setup.removed().isEmpty)
    }

    @Test("a deleted contact's removed row keeps its type and data, and goes through the plugin as a webhook would")
    func deletedContactKeepsASnapshot() async throws {
        let setup = try Setup(heard: .offline)
        let receiver = try await FixtureHTTPServer.recorder()
        _ = try setup.catalog.updateContact(setup.contact, patch: .object(["data": .string(receiver.url("/record"))]))
        try setup.catalog.deleteContact(setup.contact)
        #expect(try setup.store.contacts().isEmpty)
        let row = try #require(try setup.removed().first)
        #expect(row.contactType == "webhook" && row.contactData == receiver.url("/record"))
        let outcome = await setup.catalog.host.deliver(row)
        #expect(outcome.status == .delivered, "\(outcome.error)")
        let notes = WebhookNotes(receiver)
        #expect(notes.statuses == ["online"] && notes.eventIDs == [row.eventID] && notes.fields.first?["kind"] as? String == "removed", "\(notes.fields)")
    }

    @Test("bearmon checks rm --quiet, alerts disable --quiet and contacts rm with --db: quiet writes nothing, the plain one a removed row")
    func cliQuiet() async throws {
        let setup = try Setup(heard: .offline)
        let db = "sqlite:" + setup.dir.file("removed.sqlite")
        let other = try setup.store.addCheck(NewCheck(name: "db", type: "tcp", data: #"{"address":"127.0.0.1:9"}"#, interval: 60, delay: 0))
        _ = try setup.store.addAlert(checkID: other, contactID: setup.contact, type: .both)
        let second = try setup.store.addContact(type: "webhook", data: "http://127.0.0.1:9/second")
        let secondAlert = try setup.store.addAlert(checkID: other, contactID: second, type: .both)
        _ = try setup.store.recordFlip(FlipRequest(flipID: UUID().uuidString, checkID: other, status: .offline, message: "down", time: wallMilliseconds(),
                                                   checkName: "db", checkType: "tcp", maskedData: "{}"), view: 1)
        let quiet = try await Command.bearmon(["checks", "rm", String(setup.check), "--quiet", "--db", db])
        #expect(quiet.status == 0 && quiet.stdout.contains("removed check \(setup.check)"), "\(quiet.stderr)")
        #expect(try setup.removed().isEmpty)
        let disabled = try await Command.bearmon(["alerts", "disable", String(secondAlert), "--quiet", "--db", db])
        #expect(disabled.status == 0 && disabled.stdout.contains("disabled alert \(secondAlert)"), "\(disabled.stderr)")
        #expect(try setup.removed().isEmpty && setup.store.alerts().first { $0.id == secondAlert }?.enabled == false)
        let enabled = try await Command.bearmon(["alerts", "enable", String(secondAlert), "--db", db])
        let reenabled = try setup.store.alerts().first { $0.id == secondAlert }?.enabled
        #expect(enabled.status == 0 && reenabled == true, "\(enabled.stderr)")
        let loud = try await Command.bearmon(["contacts", "rm", String(setup.contact), "--db", db])
        #expect(loud.status == 0, "\(loud.stderr)")
        #expect(try setup.removed().map { [$0.checkID, $0.contactID] } == [[other, setup.contact]])
    }

    @Test("bearmon apply --prune --quiet with --db writes no removed row; the request carries quiet to a node as JSON")
    func applyQuiet() async throws {
        let setup = try Setup(heard: .offline)
        let file = try setup.dir.write("empty.yaml", "checks: {}\n")
        let applied = try await Command.bearmon(["apply", "-f", file, "--prune", "--quiet", "--db", "sqlite:" + setup.dir.file("removed.sqlite")])
        #expect(applied.status == 0 && applied.stdout.contains("applied"), "\(applied.stdout)\(applied.stderr)")
        #expect(try setup.store.checkRows().isEmpty && setup.removed().isEmpty)
        for quiet in [true, false] {
            let request = ConfigApplyRequest(yaml: "checks: {}\n", file: "f.yaml", prune: true, dryRun: false, quiet: quiet)
            #expect(try ConfigApplyRequest(body: LocalCatalog.json(request)) == request)
        }
        #expect(throws: CatalogError.self) { try ConfigApplyRequest(body: .object(["yaml": .string(""), "quiet": .string("yes")])) }
    }

    @Test("the API passes ?quiet=true to deletes and disabling patches, refuses a quiet that is not true or false, and takes none on tokens")
    func apiQuiet() async throws {
        let catalog = FakeCatalog()
        let server = NodeServer(listen: HostPort(host: "127.0.0.1", port: 0), node: "n1", password: nil, monitor: nil, alerting: nil, logger: quietLogger)
        APIRoutes.add(to: server.open, catalog: catalog)
        try await server.application(services: []) {}.test(.router) { client in
            let json: HTTPFields = [.contentType: "application/json"]
            for name in ["a", "b", "c"] {
                let created = try await client.execute(uri: "/api/v1/checks", method: .post, headers: json, body: ByteBuffer(string: #"{"name":"\#(name)"}"#))
                #expect(created.status == .created)
            }
            let patched = try await client.execute(uri: "/api/v1/checks/1?quiet=true", method: .patch, headers: json, body: ByteBuffer(string: #"{"enabled":false}"#))
            #expect(patched.status == .ok && catalog.lastQuiet == true)
            let loud = try await client.execute(uri: "/api/v1/checks/1", method: .patch, headers: json, body: ByteBuffer(string: #"{"enabled":false}"#))
            #expect(loud.status == .ok && catalog.lastQuiet == false)
            #expect(try await client.execute(uri: "/api/v1/checks/1?quiet=true", method: .delete).status == .noContent && catalog.lastQuiet == true)
            #expect(try await client.execute(uri: "/api/v1/checks/2?quiet=false", method: .delete).status == .noContent && catalog.lastQuiet == false)
            for bad in ["quiet=maybe", "quiet=", "quiet=true&quiet=true", "loud=1"] {
                let refused = try await client.execute(uri: "/api/v1/checks/3?\(bad)", method: .delete)
                #expect(refused.status == .badRequest, "\(bad): \(refused.status)")
            }
            #expect(try await client.execute(uri: "/api/v1/checks/3", method: .get).status == .ok, "a refused delete deleted")
        }
    }
}

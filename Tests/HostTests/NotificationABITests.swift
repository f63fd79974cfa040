import Foundation
import PluginABI
import Testing
@testable import BearmonCore
@testable import BearmonPlugins

/// ABI 1.2's notification kinds and 1.4's acknowledge link as a C contact plugin reads them,
/// and contact plugins built against the 1.0 header (a verbatim copy, Tests/Fixtures/abi/v1.0)
/// still delivering.
@Suite("plugin ABI 1.2 and 1.4: notification kind, acknowledge link and 1.0 contacts")
struct NotificationABITests {
    /// A catch-up with every 1.2 field set, and hostile strings where the ABI allows them.
    static let catchUp: NotificationEvent = {
        var event = NotificationEvent(eventID: "ev-7-3", status: "offline", message: "refused", checkID: 7, checkName: "web",
                                      checkType: "http", maskedCheckData: "{}", time: 1_700_000_000, kind: "catch_up")
        event.count = 3
        event.since = 1_699_999_000
        event.detail = "still offline for 2 h"
        event.escalationLevel = 2
        event.acknowledgedBy = "ålice"
        event.fallbackFromContactID = Int64.max
        event.ackURL = Self.link
        return event
    }()

    /// An acknowledge link as the host signs them.
    static let link = "https://bearmon.example/ack/7.1699999000.Zm9v-YmFy_c2ln"

    static let size = MemoryLayout<bearmon_notification>.size

    private func deliver(_ fixture: FixtureHost, _ event: NotificationEvent) async throws -> ContactOutcome {
        let type = try fixture.host.type(.contact, "fixture")
        return await fixture.host.deliver(type, params: try fixture.host.validate(type, data: "describe"), event: event, label: "t")
    }

    @Test("the 1.2 fields follow the 1.0 ones and 1.4's ack_url ends the struct, eight bytes each, with no tail padding a 1.5 field could hide in")
    func layout() {
        #expect(MemoryLayout<bearmon_notification>.offset(of: \.kind) == 72)
        #expect(MemoryLayout<bearmon_notification>.offset(of: \.fallback_from_contact_id) == 120)
        #expect(MemoryLayout<bearmon_notification>.offset(of: \.ack_url) == 128)
        #expect(Self.size == 136)
        #expect(BEARMON_ABI_MINOR == 4)
    }

    @Test("a 1.2 contact plugin sees kind, count, since, detail, level, acknowledged_by and fallback_from")
    func newPlugin() async throws {
        let fixture = try await FixtureHost()
        #expect(try fixture.host.type(.contact, "fixture").module.abiMinor == UInt32(BEARMON_ABI_MINOR))
        let outcome = try await deliver(fixture, Self.catchUp)
        #expect(outcome.status == .delivered, "\(outcome.error)")
        #expect(outcome.receipt == "size=\(Self.size) event=ev-7-3 status=offline check=7 time=1700000000 kind=catch_up count=3 "
            + "since=1699999000 detail=still offline for 2 h level=2 ack=ålice from=\(Int64.max) url=\(Self.link)")
    }

    @Test("an event made the old way is a plain flip: kind \"flip\", numbers 0, strings \"\" (never NULL), no ack_url")
    func defaults() async throws {
        let fixture = try await FixtureHost()
        let plain = NotificationEvent(eventID: "ev-1", status: "online", message: "", checkID: 0, checkName: "", checkType: "",
                                      maskedCheckData: "", time: 0)
        let outcome = try await deliver(fixture, plain)
        #expect(outcome.receipt == "size=\(Self.size) event=ev-1 status=online check=0 time=0 kind=flip count=0 since=0 detail= level=0 ack= from=0 url=")
        var blank = plain
        blank.kind = ""
        #expect(try await deliver(fixture, blank).receipt?.contains(" kind=flip ") == true, "an empty kind is sent as flip")
    }

    @Test("a plugin that declares an older minor (to load on older hosts) still finds kind and ack_url with BEARMON_HAS_FIELD",
          arguments: [0, 1, 3])
    func olderMinorDeclared(minor: Int) async throws {
        let fixture = try await FixtureHost(defines: ["FIXTURE_ABI_MINOR=\(minor)"])
        #expect(try fixture.host.type(.contact, "fixture").module.abiMinor == UInt32(minor))
        let outcome = try await deliver(fixture, Self.catchUp)
        #expect(outcome.receipt?.contains(" kind=catch_up count=3 ") == true, "\(outcome.receipt ?? "")")
        #expect(outcome.receipt?.hasSuffix(" url=\(Self.link)") == true, "\(outcome.receipt ?? "")")
    }

    @Test("an outbox row's ackURL reaches the plugin as ack_url; a row without one gives \"\", never NULL")
    func fromOutbox() async throws {
        let fixture = try await FixtureHost()
        var entry = OutboxEntry(id: 1, eventID: "ev-9-1", flipID: "f-9", checkID: 9, contactID: 3, contactType: "fixture", contactData: "describe",
                                status: .offline, checkName: "db", checkType: "tcp", checkData: "{}", message: "refused", state: .pending,
                                attempts: 0, nextAttempt: 0, lastError: "", view: 1, createdAt: 1_700_000_000_000)
        #expect(NotificationEvent(entry).ackURL == "")
        #expect(await fixture.host.deliver(entry).receipt?.hasSuffix(" from=0 url=") == true)
        entry.ackURL = Self.link
        #expect(NotificationEvent(entry).ackURL == Self.link)
        let outcome = await fixture.host.deliver(entry)
        #expect(outcome.status == .delivered, "\(outcome.error)")
        #expect(outcome.receipt?.hasSuffix(" url=\(Self.link)") == true, "\(outcome.receipt ?? "")")
    }

    @Test("a contact plugin built against the 1.0 header loads and gets a plain offline with the right fields")
    func oldPlugin() async throws {
        let fixture = try await FixtureHost(header: TestPaths.fixture("abi/v1.0"))
        #expect(try fixture.host.type(.contact, "fixture").module.abiMinor == 0)
        let outcome = try await deliver(fixture, Self.catchUp)
        #expect(outcome.status == .delivered, "\(outcome.error)")
        // Its header has no kind or ack_url: it reads only its 1.0 prefix, which says what it always said.
        #expect(outcome.receipt == "size=\(Self.size) event=ev-7-3 status=offline check=7 time=1700000000 no kind")
        let record = try TempDirectory()
        let type = try fixture.host.type(.contact, "fixture")
        for event in [Self.catchUp, NotificationEvent(eventID: "ev-7-4", status: "online", message: "", checkID: 7, checkName: "web",
                                                      checkType: "http", maskedCheckData: "{}", time: 1, kind: "removed")] {
            let params = try fixture.host.validate(type, data: "record:" + record.file("log"))
            #expect(await fixture.host.deliver(type, params: params, event: event, label: "t").status == .delivered)
        }
        #expect(try String(contentsOfFile: record.file("log"), encoding: .utf8) == "ev-7-3 offline 7\nev-7-4 online 7\n")
    }
}

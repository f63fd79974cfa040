import BearmonSystem
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

@Suite("plugin calls: accessors, sinks, deadlines")
struct RuntimeTests {
    @Test("typed accessors see validated, defaulted parameters")
    func accessors() async throws {
        let fixture = try await FixtureHost()
        let outcome = try await fixture.check(#"{"mode":"echo","headers":{"X-B":"2","X-A":"1"},"flag":true}"#)
        #expect(outcome.status == .online)
        #expect(outcome.message == "headers=2 first=X-A:1 flag=1 ratio=0.50 given_mode=1 absent_password=1")
        #expect(outcome.metrics == [Metric(name: "answer", value: 42, unit: "units")])
    }

    @Test("statuses map through, and contract breaches become fail", arguments: [
        (#"{"mode":"online","message":"ok"}"#, CheckStatus.online, "ok"),
        (#"{"mode":"offline","message":"down"}"#, .offline, "down"),
        (#"{"mode":"fail","message":"broken"}"#, .fail, "broken"),
        (#"{"mode":"noresult"}"#, .fail, "returned without reporting a result"),
        (#"{"mode":"badstatus"}"#, .fail, "reported unknown status 42"),
        (#"{"mode":"error"}"#, .fail, "returned error -5 without a result"),
    ])
    func statuses(data: String, status: CheckStatus, message: String) async throws {
        let fixture = try await FixtureHost()
        let outcome = try await fixture.check(data)
        #expect(outcome.status == status)
        #expect(outcome.message.contains(message), "\(outcome.message)")
    }

    @Test("a call that ignores its deadline is abandoned and reported as fail")
    func overrun() async throws {
        let fixture = try await FixtureHost()
        let started = Deadline.now()
        let outcome = try await fixture.check(#"{"mode":"hang","seconds":30}"#, budget: 300)
        let elapsed = Deadline.now().milliseconds(since: started)
        #expect(outcome.status == .fail)
        #expect(outcome.message.contains("overran its deadline"))
        // Deadline 300 ms plus 1 s of grace; the bound only guards against waiting for the
        // 30 s sleep, so it is generous.
        #expect(elapsed < 20_000)
        #expect(fixture.host.invoker.stuck.count(TypeKey(.check, "fixture")) == 1)
    }

    @Test("a call that honours its deadline reports its own result")
    func politeDeadline() async throws {
        let fixture = try await FixtureHost()
        let outcome = try await fixture.check(#"{"mode":"polite_hang"}"#, budget: 200)
        #expect(outcome.status == .offline)
        #expect(outcome.message == "gave up at the deadline")
    }

    @Test("a type with too many stuck calls is paused, and the pool keeps its width")
    func pausing() async throws {
        let dir = try TempDirectory()
        try await PluginBuilder.fixture("libfixture.so", in: dir)
        let host = try PluginHost(config: Config(), directory: dir.path, threads: 4, logger: quietLogger)
        let invoker = host.invoker
        #expect(invoker.stuck.limit == 4)
        let type = try host.type(.check, "fixture")
        let hang = try host.validate(type, data: #"{"mode":"hang","seconds":20}"#)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 { group.addTask { _ = await host.runCheck(type, params: hang, budget: .milliseconds(100), label: "t") } }
        }
        let paused = await host.runCheck(type, params: try host.validate(type, data: "{}"), label: "t")
        #expect(paused.status == .fail)
        #expect(paused.message.contains("is paused: 4 of its calls are stuck"))
        // Other types still run on fresh threads while four are stuck.
        let noop = try host.type(.check, "fixture_noop")
        let outcome = await host.runCheck(noop, params: try host.validate(noop, data: "{}"), label: "t")
        #expect(outcome.status == .online)
        #expect(invoker.pool.threadsStarted == 8)
    }

    @Test("contact calls deliver, retry or fail for good, with a receipt")
    func contacts() async throws {
        let fixture = try await FixtureHost()
        let type = try fixture.host.type(.contact, "fixture")
        let event = NotificationEvent(eventID: "ev-1", status: "offline", message: "down", checkID: 7, checkName: "web",
                                      checkType: "http", maskedCheckData: "{}", time: 0)
        func deliver(_ data: String) async throws -> ContactOutcome {
            await fixture.host.deliver(type, params: try fixture.host.validate(type, data: data), event: event, label: "t")
        }
        #expect(try await deliver("alice") == ContactOutcome(status: .delivered, error: "", receipt: "r-ev-1-offline"))
        #expect(try await deliver(#"{"to":"alice"}"#).status == .delivered)
        #expect(try await deliver("retry") == ContactOutcome(status: .retry, error: "try later"))
        #expect(try await deliver("permanent") == ContactOutcome(status: .permanent, error: "no such recipient"))
    }

    @Test("secrets are masked in the data shown to people")
    func masking() async throws {
        let fixture = try await FixtureHost()
        let type = try fixture.host.type(.check, "fixture")
        let params = try fixture.host.validate(type, data: #"{"mode":"online","password":"hunter2","api_token":"t0k"}"#)
        #expect(!params.maskedJSON.contains("hunter2"))
        #expect(!params.maskedJSON.contains("t0k"))
        #expect(params.maskedJSON.contains(#""password":"********""#))
        #expect(params.unknownKeys == ["api_token"])
    }
}

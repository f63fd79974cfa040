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

/// The tcp plugin, loaded from the build's products directory, against real loopback servers.
@Suite("tcp check")
struct TCPCheckTests {
    // try!: an empty config has no [security] range that could fail to parse.
    let host = try! PluginHost(config: Config(), directory: TestPaths.products, threads: 4, logger: quietLogger)

    private func check(_ data: String) async throws -> CheckOutcome {
        let type = try host.type(.check, "tcp")
        return await host.runCheck(type, params: try host.validate(type, data: data, strict: true), label: "test")
    }

    @Test("an open port is online, with a connect time")
    func openPort() async throws {
        let server = try LoopbackServer(behaviour: .acceptAndClose)
        let outcome = try await check(#"{"address":"\#(server.address)"}"#)
        #expect(outcome.status == .online)
        #expect(outcome.metrics.contains { $0.name == "connect_ms" && $0.unit == "ms" })
        #expect(server.acceptedCount >= 0)
    }

    @Test("a name is resolved (on its own lookup thread, within the deadline) and connected")
    func byName() async throws {
        let server = try LoopbackServer(behaviour: .acceptAndClose)
        let outcome = try await check(#"{"address":"localhost:\#(server.port)","force_ip":4}"#)
        #expect(outcome.status == .online, "\(outcome.message)")
        #expect(outcome.message == "connected to localhost:\(server.port)")
    }

    @Test("a refused port is offline, and says so")
    func refused() async throws {
        let port = try refusedPort()
        let outcome = try await check(#"{"address":"127.0.0.1:\#(port)"}"#)
        #expect(outcome.status == .offline)
        #expect(outcome.message.contains("Connection refused"))
    }

    @Test("a payload's reply line is matched against expect")
    func expectation() async throws {
        let server = try LoopbackServer(behaviour: .replyToLine { $0 == "PING" ? "+PONG from bearmon-test" : "-ERR" })
        let found = try await check(#"{"address":"\#(server.address)","payload":"PING","expect":"PONG"}"#)
        #expect(found.status == .online)
        let missing = try await check(#"{"address":"\#(server.address)","payload":"PING","expect":"HELLO"}"#)
        #expect(missing.status == .offline)
        #expect(missing.message == #"reply mismatch: expected "HELLO" in "+PONG from bearmon-test""#)
        let wrongPayload = try await check(#"{"address":"\#(server.address)","payload":"QUIT","expect":"PONG"}"#)
        #expect(wrongPayload.status == .offline)
    }

    @Test("expect without a payload reads the server's banner")
    func banner() async throws {
        let server = try LoopbackServer(behaviour: .banner("SSH-2.0-OpenSSH_9.2"))
        let outcome = try await check(#"{"address":"\#(server.address)","expect":"SSH-2.0"}"#)
        #expect(outcome.status == .online)
    }

    @Test("a server that accepts but never answers ends at the timeout, clamped up to 3 s")
    func silentServer() async throws {
        let server = try LoopbackServer(behaviour: .hang)
        let started = Deadline.now()
        let outcome = try await check(#"{"address":"\#(server.address)","payload":"PING","expect":"PONG","timeout":1}"#)
        let seconds = Deadline.now().milliseconds(since: started) / 1000
        #expect(outcome.status == .offline)
        #expect(outcome.message.contains("timed out after"))
        // timeout 1 is clamped to 3 s; the upper bound is generous for a loaded machine.
        #expect(seconds >= 2.9)
        #expect(seconds < 30)
    }

    @Test("IPv6 loopback in brackets")
    func ipv6() async throws {
        let server = try LoopbackServer(host: "::1", behaviour: .acceptAndClose)
        let outcome = try await check(#"{"address":"[::1]:\#(server.port)"}"#)
        #expect(outcome.status == .online)
        let forced = try await check(#"{"address":"[::1]:\#(server.port)","force_ip":6}"#)
        #expect(forced.status == .online)
    }

    @Test("bad params are fail, naming the field", arguments: [
        (#"{}"#, "parameter 'address': is required"),
        (#"{"address":"127.0.0.1"}"#, "parameter 'address': the port is missing"),
        (#"{"address":"::1:80"}"#, "parameter 'address': an IPv6 address with a port must be written in brackets"),
        (#"{"address":"127.0.0.1:80","timeout":"x"}"#, "parameter 'timeout': must be an integer"),
        (#"{"address":"127.0.0.1:80","force_ip":5}"#, "parameter 'force_ip': '5' is not one of 0, 4, 6"),
    ])
    func badParams(data: String, expected: String) async throws {
        let type = try host.type(.check, "tcp")
        let error = #expect(throws: InvalidParams.self) { try host.validate(type, data: data) }
        #expect(error?.description.contains(expected) == true, "\(String(describing: error))")
    }
}

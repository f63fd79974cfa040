import BearmonSystem
import Foundation
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

@Suite("cluster node config")
struct NodeConfigTests {
    private func parse(_ text: String) throws -> Config { try GcfgParser(file: "node.cfg").parse(text) }

    @Test("gobearmon's sample files are read as they are, and their sample password is refused")
    func samples() throws {
        for name in ["worker", "viewserver"] {
            let config = try GcfgParser.load(path: TestPaths.fixture("gobearmon/gobearmon.sample.\(name).cfg"))
            let error = #expect(throws: ConfigError.self) { try NodeConfig(config) }
            #expect(error?.reason.contains("gobearmon's sample password 'secretChangeMe'") == true)
            #expect(error?.line == 5)
        }
    }

    @Test("the role comes from the file; both roles in one file is an error")
    func roles() throws {
        let worker = try NodeConfig(try parse("[default]\npassword = s\n[controller]\naddr = :8888\n[worker]\nviewAddr = v:1\n"))
        #expect(worker.role == .worker)
        #expect(worker.listen == HostPort(host: "0.0.0.0", port: 8888))
        #expect(worker.node == "\(ProcessInfo.processInfo.hostName):8888")
        let named = try NodeConfig(try parse("[default]\npassword = s\nnode = edge-1\n[viewserver]\naddr = 127.0.0.1:9\n"))
        #expect(named.role == .viewserver)
        #expect(named.node == "edge-1")
        let both = #expect(throws: ConfigError.self) { try NodeConfig(try parse("[default]\npassword = s\n[viewserver]\naddr = :1\n[controller]\naddr = :2\n")) }
        #expect(both?.reason.contains("both [viewserver] addr and [controller] addr are set") == true)
        let neither = #expect(throws: ConfigError.self) { try NodeConfig(try parse("[default]\npassword = s\n")) }
        #expect(neither?.reason.contains("role is unknown") == true)
    }

    @Test("lease timings are bearmon's own [viewserver] keys, checked for range")
    func leaseKeys() throws {
        let config = try parse("[default]\npassword = s\n[viewserver]\naddr = :1\nlease = 3000\npingInterval = 500\n")
        try config.validateHostSections()
        let lease = try LeaseSettings.from(config)
        #expect(lease.lease == .milliseconds(3000))
        #expect(lease.pingInterval == .milliseconds(500))
        let bad = try parse("[default]\npassword = s\n[viewserver]\naddr = :1\nlease = 100\n")
        let error = #expect(throws: ConfigError.self) { try LeaseSettings.from(bad) }
        #expect(error?.line == 5)
    }

    @Test("a node answers signed requests addressed to its listen address, its [default] alias names or its node name; a wildcard address adds its interfaces")
    func recipientNames() throws {
        let config = try NodeConfig(parse("[default]\npassword = s\nnode = edge-1\nalias = edge-1.example.net:8888\nalias = 203.0.113.7:18888\n[controller]\naddr = 127.0.0.1:8888\n"))
        #expect(Set(config.recipientNames) == ["127.0.0.1:8888", "edge-1.example.net:8888", "203.0.113.7:18888", "edge-1"])
        let wildcard = try NodeConfig(parse("[default]\npassword = s\n[controller]\naddr = :8888\n"))
        #expect(wildcard.recipientNames.contains("127.0.0.1:8888"))
        #expect(!wildcard.recipientNames.contains("127.0.0.1:8889"))
        let bad = #expect(throws: ConfigError.self) { try NodeConfig(parse("[default]\npassword = s\nalias = edge-1\n[controller]\naddr = :8888\n")) }
        #expect(bad?.reason.contains("alias") == true && bad?.line == 3, "\(String(describing: bad))")
        let lease = #expect(throws: ConfigError.self) { try LeaseSettings.from(parse("[default]\npassword = s\n[viewserver]\naddr = :1\nlease = 86400001\n")) }
        #expect(lease?.reason.contains("must be between 500 and 86400000") == true)
    }

    @Test("an empty or missing password is refused")
    func emptyPassword() throws {
        for text in ["[default]\npassword =\n[viewserver]\naddr = :1\n", "[viewserver]\naddr = :1\n"] {
            let error = #expect(throws: ConfigError.self) { try NodeConfig(try parse(text)) }
            #expect(error?.reason.contains("[default] password is empty or missing") == true)
        }
    }

    @Test("TLS needs both cert and key, and readable files")
    func tls() throws {
        let half = #expect(throws: ConfigError.self) { try NodeConfig(try parse("[default]\npassword = s\ncert = /x.pem\n[viewserver]\naddr = :1\n")) }
        #expect(half?.reason.contains("set both [default] cert and key") == true)
        let missing = #expect(throws: ConfigError.self) { try NodeConfig(try parse("[default]\npassword = s\ncert = /nonexistent.pem\nkey = /nonexistent.key\n[viewserver]\naddr = :1\n")) }
        #expect(missing?.reason.contains("cannot read /nonexistent.pem") == true)
    }

    @Test("`bearmon FILE` starts the role the file describes, and refuses gobearmon's sample password")
    func startFromFile() async throws {
        let result = try await Command.bearmon([TestPaths.fixture("gobearmon/gobearmon.sample.worker.cfg")], timeout: 30)
        #expect(result.status != 0)
        #expect(result.stderr.contains("gobearmon.sample.worker.cfg:5: [default] password: is gobearmon's sample password"))
    }
}

import BearmonSystem
import Testing
@testable import BearmonConfig

/// `[api] openReads` and its default, which depends on whether only this machine can connect.
@Suite("access: [api] openReads and its loopback default")
struct AccessConfigTests {
    @Test("loopback-only listen addresses, and the ones that are not", arguments: [
        ("127.0.0.1", true), ("127.255.0.9", true), ("localhost", true), ("LOCALHOST", true), ("::1", true), ("::ffff:127.0.0.1", true),
        ("0.0.0.0", false), ("::", false), ("", false), ("10.0.0.1", false), ("128.0.0.1", false), ("127.0.0", false),
        ("127.0.0.1.5", false), ("127.0.0.256", false), ("127.0.0.-1", false), ("127.0.0.1 ", false), ("127.example.com", false),
        ("localhost.example.com", false), ("::2", false), ("fe80::1", false), ("１２７.0.0.1", false),
    ])
    func loopback(host: String, expected: Bool) {
        #expect(APISettings.isLoopbackOnly(host) == expected, "\(host)")
    }

    @Test("unset: open on loopback, closed elsewhere; set: as written, wherever the node listens")
    func defaults() throws {
        let unset = try APISettings.from(try GcfgParser(file: "a.cfg").parse("[default]\nnode = n\n"))
        #expect(unset.openReads == nil)
        #expect(unset.readsAreOpen(listen: HostPort(host: "127.0.0.1", port: 8888)))
        #expect(!unset.readsAreOpen(listen: HostPort(host: "0.0.0.0", port: 8888)))
        let closed = try APISettings.from(try GcfgParser(file: "a.cfg").parse("[api]\nopenReads = false\n"))
        #expect(!closed.readsAreOpen(listen: HostPort(host: "127.0.0.1", port: 8888)))
        let open = try APISettings.from(try GcfgParser(file: "a.cfg").parse("[api]\nopenreads = yes\n"))
        #expect(open.readsAreOpen(listen: HostPort(host: "10.1.2.3", port: 8888)))
    }

    @Test("a value that is not a boolean, or an unknown [api] key, is refused at its line")
    func refusals() throws {
        let bad = try GcfgParser(file: "a.cfg").parse("[api]\nopenReads = maybe\n")
        let error = #expect(throws: ConfigError.self) { try APISettings.from(bad) }
        #expect(error?.description == "a.cfg:2: [api] openReads: 'maybe' is not a boolean (write true or false)")
        let typo = try GcfgParser(file: "a.cfg").parse("[api]\nopenRead = true\n")
        let unknown = #expect(throws: ConfigError.self) { try typo.validateHostSections() }
        #expect(unknown?.reason.contains("unknown key 'openread' in [api]") == true)
        // A worker's file is read the same way.
        let worker = try GcfgParser(file: "w.cfg").parse("[default]\npassword = a-long-shared-secret\n[controller]\naddr = :8888\n[api]\nopenReads = true\n")
        let node = try NodeConfig(worker)
        #expect(node.api.readsAreOpen(listen: node.listen))
        let wildcard = try NodeConfig(try GcfgParser(file: "w.cfg").parse("[default]\npassword = a-long-shared-secret\n[controller]\naddr = :8888\n"))
        #expect(!wildcard.api.readsAreOpen(listen: wildcard.listen), "a wildcard address is not loopback")
    }
}

import Foundation
import Testing

/// Without `server` or `[dns] server`, the dns check asks the system resolver's nameserver.
/// `ip netns exec` shows /etc/netns/NAME/resolv.conf as /etc/resolv.conf, so the test gives
/// its own namespace a resolv.conf that names nsd on that namespace's loopback, port 53.
@Suite("dns check: system resolver")
struct DNSSystemResolverTests {
    @Test("no server anywhere: the first nameserver of /etc/resolv.conf is asked; a bare IPv6 server gets port 53")
    func systemResolver() async throws {
        let pair = try await offPool { try NetworkNamespacePair() }
        defer { pair.remove() }
        try pair.setProberEtcFile("resolv.conf", "nameserver 127.0.0.1\n")
        let nsd = try await offPool { try NSDServer(port: 53, namespace: pair.prober) }
        defer { nsd.stop() }

        let data = #"{"name":"a.test","expect":"1.2.3.4","timeout":3}"#
        let outcome = try await offPool {
            try CLICheckResult(pair.run(in: pair.prober, [TestPaths.bearmon, "check", "dns", "--json", "--data", data]))
        }
        #expect(outcome.status == "online", "\(outcome)")
        #expect(outcome.message.contains("from 127.0.0.1:53"), "\(outcome)")

        // A bare IPv6 literal is a whole address, with the default port 53.
        let bare = #"{"name":"a.test","expect":"1.2.3.4","timeout":3,"server":"::1"}"#
        let v6 = try await offPool {
            try CLICheckResult(pair.run(in: pair.prober, [TestPaths.bearmon, "check", "dns", "--json", "--data", bare]))
        }
        #expect(v6.status == "online", "\(v6)")
        #expect(v6.message.contains("from [::1]:53"), "\(v6)")
    }
}

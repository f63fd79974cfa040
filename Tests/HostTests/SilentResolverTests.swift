import Foundation
import Testing

/// A nameserver that never answers holds getaddrinfo for resolv.conf's `timeout` x `attempts`,
/// here 30 s: longer than any check. The lookup must end at the check's own deadline, as an
/// `offline` that names the name, not as a host-abandoned `fail` (which never counts toward a
/// flip). The prober's resolv.conf (shown by `ip netns exec`) names the target namespace's
/// address, where nftables drops every DNS datagram.
@Suite("name lookups obey the check's deadline")
struct SilentResolverTests {
    @Test("tcp and ssl_expire against a name whose nameserver never answers: offline at the timeout")
    func silentNameserver() async throws {
        let pair = try await offPool { try NetworkNamespacePair() }
        defer { pair.remove() }
        try pair.setProberEtcFile("resolv.conf", "nameserver \(NetworkNamespacePair.targetAddress)\noptions timeout:30 attempts:1\n")
        // Without this machine's hostname in hosts, anything that resolves it at start-up
        // (libcurl's curl_version() did, through libldap) hangs on the silent nameserver too.
        try pair.setProberEtcFile("hosts", "127.0.0.1 localhost\n")
        try await offPool { try pair.addInputRules(in: pair.target, [["udp", "dport", "53", "drop"], ["tcp", "dport", "53", "drop"]]) }

        // tcp's own `timeout` bounds it; ssl_expire has none, so `--timeout` sets its deadline.
        let runs = [("tcp", #"{"address":"quiet.test:80","timeout":3}"#, "20"), ("ssl_expire", #"{"address":"quiet.test:443","days":10}"#, "3")]
        for (type, data, limit) in runs {
            let outcome = try await offPool {
                try CLICheckResult(pair.run(in: pair.prober, [TestPaths.bearmon, "check", type, "--json", "--timeout", limit, "--data", data]))
            }
            #expect(outcome.status == "offline", "\(type): \(outcome)")
            #expect(outcome.message.contains("resolve quiet.test"), "\(type): \(outcome)")
            #expect(outcome.message.contains("before the deadline"), "\(type): \(outcome)")
            // The resolver alone would wait 30 s; the check's 3 s deadline ends it. The bound
            // is generous for a loaded machine and still far below the resolver's own.
            #expect(outcome.seconds < 20, "\(type): \(outcome)")
        }
    }
}

import Foundation
import Testing

/// The icmp check run by the bearmon binary inside a network namespace the test creates,
/// against a target in a second namespace joined by a veth pair. Loss is made with nftables
/// in the target namespace; which socket kind is used is set with the prober's
/// `net.ipv4.ping_group_range` and with setpriv.
@Suite("icmp check in network namespaces")
struct ICMPNamespaceTests {
    private static let nobody = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]

    private func ping(_ pair: NetworkNamespacePair, _ data: String, as prefix: [String] = [], bearmon: String = TestPaths.bearmon) async throws -> CLICheckResult {
        try await offPool {
            try CLICheckResult(pair.run(in: pair.prober, prefix + [bearmon, "check", "icmp", "--json", "--data", data], timeout: 60))
        }
    }

    @Test("a reachable target answers 5 of 5; as root with ping sockets disallowed, via a raw socket")
    func rawFallback() async throws {
        let pair = try await offPool { try NetworkNamespacePair() }
        defer { pair.remove() }
        try pair.setPingGroupRange("1 0")
        let result = try await ping(pair, #"{"target":"\#(NetworkNamespacePair.targetAddress)"}"#)
        #expect(result.status == "online", "\(result)")
        #expect(result.message.hasSuffix("via raw socket"), "\(result)")
        #expect(result.metrics["loss_percent"] == 0)
        #expect(result.exitStatus == 0)
    }

    @Test("an address nobody holds loses every request: offline after the 10 s budget")
    func unreachable() async throws {
        let pair = try await offPool { try NetworkNamespacePair() }
        defer { pair.remove() }
        let result = try await ping(pair, #"{"target":"\#(NetworkNamespacePair.unheldAddress)"}"#)
        #expect(result.status == "offline", "\(result)")
        #expect(result.message.hasPrefix("ping \(NetworkNamespacePair.unheldAddress): 100% packet loss (0 of "), "\(result)")
        #expect(result.metrics["loss_percent"] == 100)
        #expect(result.metrics["rtt_avg_ms"] == nil)
        #expect(result.seconds >= 9.5 && result.seconds < 20, "\(result)")
    }

    @Test("as `ping -c 5 -w 10`: requests go on until 5 replies, and loss counts over those sent (4 of 9 lost)", arguments: [false, true])
    func lossy(packetLoss: Bool) async throws {
        let pair = try await offPool { try NetworkNamespacePair() }
        defer { pair.remove() }
        // numgen counts every echo request the rule sees: 0 and 1 of each 5 are dropped, so
        // requests 0, 1, 5 and 6 are lost and the fifth reply answers request 8.
        try pair.addInputRules(in: pair.target, [["icmp", "type", "echo-request", "numgen", "inc", "mod", "5", "<", "2", "drop"]])
        let result = try await ping(pair, #"{"target":"\#(NetworkNamespacePair.targetAddress)","packetloss":\#(packetLoss)}"#)
        #expect(result.status == (packetLoss ? "offline" : "online"), "\(result)")
        #expect(result.message.contains("44% packet loss (5 of 9 replies)"), "\(result)")
        #expect(result.metrics["loss_percent"].map { abs($0 - 400.0 / 9) < 0.01 } == true, "\(result)")
        #expect(result.metrics["rtt_min_ms"] != nil)
        if packetLoss { #expect(result.message.contains("more than the 30% that packetloss allows")) }
    }

    @Test("an unprivileged user gets online over IPv4 and IPv6 through ICMP datagram sockets where ping_group_range allows")
    func unprivileged() async throws {
        let pair = try await offPool { try NetworkNamespacePair() }
        defer { pair.remove() }
        let copy = try UnprivilegedCopy()
        try pair.setPingGroupRange("0 2147483647")
        let probe = try pair.run(in: pair.prober, Self.nobody + ["/usr/bin/id", "-u"])
        #expect(probe.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "65534")
        for target in [NetworkNamespacePair.targetAddress, NetworkNamespacePair.targetAddress6] {
            let result = try await ping(pair, #"{"target":"\#(target)"}"#, as: Self.nobody, bearmon: copy.bearmon)
            #expect(result.status == "online", "\(result)")
            #expect(result.message.hasPrefix("ping \(target): 0% packet loss (5 of 5 replies)"), "\(result)")
            #expect(result.message.hasSuffix("via ICMP datagram socket"), "\(result)")
        }
    }

    @Test("an unprivileged user with ping sockets disallowed gets a fail naming the sysctl and the capability")
    func neitherAllowed() async throws {
        let pair = try await offPool { try NetworkNamespacePair() }
        defer { pair.remove() }
        let copy = try UnprivilegedCopy()
        try pair.setPingGroupRange("1 0")
        let result = try await ping(pair, #"{"target":"\#(NetworkNamespacePair.targetAddress)"}"#, as: Self.nobody, bearmon: copy.bearmon)
        #expect(result.status == "fail", "\(result)")
        #expect(result.exitStatus == 3)
        #expect(result.message.contains("net.ipv4.ping_group_range"), "\(result)")
        #expect(result.message.contains("CAP_NET_RAW"), "\(result)")
        #expect(result.seconds < 10, "a refusal is immediate: \(result)")
    }

    @Test("a name with several addresses uses the first of the forced family")
    func forcedFamily() async throws {
        let pair = try await offPool { try NetworkNamespacePair() }
        defer { pair.remove() }
        // Two IPv4 addresses, of which only the first answers, and one IPv6 address.
        let name = "multi.bearmon-test"
        let hosts = [NetworkNamespacePair.targetAddress, NetworkNamespacePair.unheldAddress, NetworkNamespacePair.targetAddress6]
        try pair.setProberEtcFile("hosts", hosts.map { "\($0) \(name)\n" }.joined())
        let v4 = try await ping(pair, #"{"target":"\#(name)","force_ip":4}"#)
        #expect(v4.status == "online", "\(v4)")
        #expect(v4.message.hasPrefix("ping \(name) (\(NetworkNamespacePair.targetAddress)): 0% packet loss"), "\(v4)")
        let v6 = try await ping(pair, #"{"target":"\#(name)","force_ip":6}"#)
        #expect(v6.status == "online", "\(v6)")
        #expect(v6.message.hasPrefix("ping \(name) (\(NetworkNamespacePair.targetAddress6)): 0% packet loss"), "\(v6)")
    }
}

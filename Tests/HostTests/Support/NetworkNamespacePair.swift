import Foundation

/// Two network namespaces the test creates, joined by a veth pair: the prober holds
/// 10.211.0.1/24 and fd62:6561:726d::1/64, the target 10.211.0.2/24 and fd62:6561:726d::2/64
/// (a private IPv6 range). The addresses exist only inside these two namespaces, so traffic
/// between them never reaches the host's networks. Each pair has
/// random names, so tests running in parallel do not collide. Call ``remove()`` in a defer.
final class NetworkNamespacePair: @unchecked Sendable {
    /// The namespace the check runs in.
    let prober: String
    /// The namespace that holds the target address.
    let target: String
    /// The target's address, reachable from the prober.
    static let targetAddress = "10.211.0.2"
    /// The target's IPv6 address.
    static let targetAddress6 = "fd62:6561:726d::2"
    /// An address on the same link that nobody holds: neighbour discovery fails.
    static let unheldAddress = "10.211.0.3"

    init() throws {
        let base = "bearmon-test-\(UInt32.random(in: .min ... .max))"
        prober = base + "-p"
        target = base + "-t"
        do {
            try Self.ip(["netns", "add", prober])
            try Self.ip(["netns", "add", target])
            try Self.ip(["-n", prober, "link", "add", "bm0", "type", "veth", "peer", "name", "bm1", "netns", target])
            try Self.ip(["-n", prober, "addr", "add", "10.211.0.1/24", "dev", "bm0"])
            try Self.ip(["-n", target, "addr", "add", Self.targetAddress + "/24", "dev", "bm1"])
            // nodad: usable at once, without the second or two of duplicate address detection.
            try Self.ip(["-n", prober, "addr", "add", "fd62:6561:726d::1/64", "dev", "bm0", "nodad"])
            try Self.ip(["-n", target, "addr", "add", Self.targetAddress6 + "/64", "dev", "bm1", "nodad"])
            for (namespace, device) in [(prober, "bm0"), (target, "bm1")] {
                try Self.ip(["-n", namespace, "link", "set", "lo", "up"])
                try Self.ip(["-n", namespace, "link", "set", device, "up"])
            }
        } catch {
            remove()
            throw error
        }
    }

    /// Runs `arguments` inside `namespace` (through `ip netns exec`) and returns the result.
    @discardableResult
    func run(in namespace: String, _ arguments: [String], timeout: Double = 60) throws -> CommandResult {
        try Command.runBlocking("/usr/sbin/ip", ["netns", "exec", namespace] + arguments, timeout: timeout)
    }

    /// Like ``run(in:_:timeout:)``, throwing when the command fails.
    func must(in namespace: String, _ arguments: [String]) throws {
        let result = try run(in: namespace, arguments)
        guard result.status == 0 else { throw CommandFailed(command: arguments, result: result) }
    }

    /// Adds nftables rules to `namespace`'s input hook, one rule per element of `rules`
    /// (each an nft rule expression, such as `["udp", "dport", "53", "drop"]`).
    func addInputRules(in namespace: String, _ rules: [[String]]) throws {
        try must(in: namespace, ["/usr/sbin/nft", "add", "table", "inet", "t"])
        try must(in: namespace, ["/usr/sbin/nft", "add", "chain", "inet", "t", "c", "{ type filter hook input priority 0; }"])
        for rule in rules { try must(in: namespace, ["/usr/sbin/nft", "add", "rule", "inet", "t", "c"] + rule) }
    }

    /// Sets the prober's `net.ipv4.ping_group_range` (the sysctl is per namespace).
    func setPingGroupRange(_ range: String) throws {
        try must(in: prober, ["/usr/sbin/sysctl", "-qw", "net.ipv4.ping_group_range=\(range)"])
    }

    /// Gives the prober its own /etc/`name` (resolv.conf, hosts): `ip netns exec` shows
    /// /etc/netns/NAMESPACE/`name` in its place. ``remove()`` deletes it.
    func setProberEtcFile(_ name: String, _ contents: String) throws {
        try FileManager.default.createDirectory(atPath: proberEtc, withIntermediateDirectories: true)
        try contents.write(toFile: proberEtc + "/" + name, atomically: true, encoding: .utf8)
    }

    /// Deletes both namespaces (and with them the veth pair) and the prober's /etc files.
    func remove() {
        for namespace in [prober, target] {
            _ = try? Command.runBlocking("/usr/sbin/ip", ["netns", "delete", namespace], timeout: 30)
        }
        try? FileManager.default.removeItem(atPath: proberEtc)
    }

    private var proberEtc: String { "/etc/netns/" + prober }

    /// A namespace setup command that failed.
    struct CommandFailed: Error, CustomStringConvertible {
        let command: [String]
        let result: CommandResult
        var description: String { "\(command.joined(separator: " ")) exited \(result.status): \(result.stderr)" }
    }

    private static func ip(_ arguments: [String]) throws {
        let result = try Command.runBlocking("/usr/sbin/ip", arguments, timeout: 30)
        guard result.status == 0 else { throw CommandFailed(command: ["ip"] + arguments, result: result) }
    }
}

import Foundation

/// Network namespaces the test creates, each with one address, joined through a bridge in
/// a hub namespace: a small LAN of test hosts (10.214.0.0/24) that exists only inside these
/// namespaces. A test cuts hosts apart with nftables rules inside a host's namespace. Names
/// are random, so parallel tests do not collide; call ``remove()`` in a defer.
final class NetworkNamespaceStar: @unchecked Sendable {
    /// Each host's namespace by its short name.
    let namespaces: [String: String]
    /// Each host's address by its short name.
    let addresses: [String: String]
    private let hub: String

    /// Creates a namespace per host in `hosts` (short name to last address octet).
    init(hosts: [String: Int]) throws {
        let base = "bearmon-star-\(UInt32.random(in: .min ... .max))"
        hub = base + "-hub"
        namespaces = Dictionary(uniqueKeysWithValues: hosts.keys.map { ($0, "\(base)-\($0)") })
        addresses = hosts.mapValues { "10.214.0.\($0)" }
        do {
            try Self.ip(["netns", "add", hub])
            try Self.ip(["-n", hub, "link", "add", "br0", "type", "bridge"])
            try Self.ip(["-n", hub, "link", "set", "br0", "up"])
            for (index, (name, octet)) in hosts.sorted(by: { $0.key < $1.key }).enumerated() {
                let namespace = namespaces[name]!
                try Self.ip(["netns", "add", namespace])
                try Self.ip(["-n", hub, "link", "add", "p\(index)", "type", "veth", "peer", "name", "eth0", "netns", namespace])
                try Self.ip(["-n", hub, "link", "set", "p\(index)", "master", "br0"])
                try Self.ip(["-n", hub, "link", "set", "p\(index)", "up"])
                try Self.ip(["-n", namespace, "addr", "add", "10.214.0.\(octet)/24", "dev", "eth0"])
                try Self.ip(["-n", namespace, "link", "set", "eth0", "up"])
                try Self.ip(["-n", namespace, "link", "set", "lo", "up"])
            }
        } catch {
            remove()
            throw error
        }
    }

    /// Drops every packet between hosts `a` and `b`, with nftables inside `a`'s namespace.
    func cut(_ a: String, from b: String) throws {
        let namespace = namespaces[a]!, peer = addresses[b]!
        let script = """
            table inet partition {
                chain input { type filter hook input priority 0; ip saddr \(peer) drop; }
                chain output { type filter hook output priority 0; ip daddr \(peer) drop; }
            }
            """
        let file = NSTemporaryDirectory() + "/bearmon-nft-\(UInt32.random(in: .min ... .max)).nft"
        try script.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try Command.runBlocking("/usr/sbin/ip", ["netns", "exec", namespace, "/usr/sbin/nft", "-f", file], timeout: 30)
        guard result.status == 0 else { throw NetworkNamespacePair.CommandFailed(command: ["nft", "-f", file], result: result) }
    }

    /// The command line that runs `arguments` inside `host`'s namespace.
    func command(in host: String, _ arguments: [String]) -> [String] {
        ["/usr/sbin/ip", "netns", "exec", namespaces[host]!] + arguments
    }

    /// Deletes every namespace (and with them the links).
    func remove() {
        for namespace in Array(namespaces.values) + [hub] {
            _ = try? Command.runBlocking("/usr/sbin/ip", ["netns", "delete", namespace], timeout: 30)
        }
    }

    private static func ip(_ arguments: [String]) throws {
        let result = try Command.runBlocking("/usr/sbin/ip", arguments, timeout: 30)
        guard result.status == 0 else { throw NetworkNamespacePair.CommandFailed(command: arguments, result: result) }
    }
}

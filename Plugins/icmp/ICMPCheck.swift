import BearmonSystem
import Foundation
import PluginKit

/// gobearmon's ping check: five echo requests within 10 s. All lost is offline; with
/// `packetloss`, losing more than 30% is offline too.
struct ICMPCheck: CheckType {
    /// gobearmon's `ping -w 10`: the whole run's budget.
    static let budgetMilliseconds: Int64 = 10_000
    /// With `packetloss`, the most loss that is still online, in percent.
    static let allowedLossPercent: Double = 30

    let name = "icmp"
    let summary = "Sends 5 ICMP echo requests within 10 s and judges the packet loss"
    /// The 10 s budget plus a margin to report it before the host's deadline.
    let maxRunMilliseconds: UInt32 = 12_000
    let params = [
        ParamSpec("target", .string, "host name or address to ping (IPv6 with or without brackets)", required: true),
        ParamSpec("packetloss", .bool, default: "false", "also offline when more than 30% of the 5 requests are lost (else only at 100%)"),
        ParamSpec("force_ip", .int, default: "0", "address family: 4 or 6 (0 means the resolver's first address)", choices: ["0", "4", "6"]),
    ]

    func run(_ call: Call) -> CheckOutcome {
        guard let target = call.string("target").map({ Self.unbracketed($0.trimmingWhitespace()) }), !target.isEmpty else {
            return .fail("icmp: parameter 'target' is required")
        }
        let family = AddressFamilyPreference(rawValue: Int(call.int("force_ip") ?? 0)) ?? .any
        let address: SocketAddress
        do {
            let lookupDeadline = Deadline.earliest(call.deadline, .after(milliseconds: Self.budgetMilliseconds))
            let addresses = try AddressResolver.resolve(target, port: 0, family: family, socketType: Int32(SOCK_DGRAM.rawValue), deadline: lookupDeadline)
            address = try call.egress.permitted(addresses, host: target)[0]
        } catch let refusal as EgressRefusal {
            return .fail("icmp: may not ping \(target): \(refusal)")
        } catch {
            return .offline("\(error)")
        }
        let deadline = Deadline.earliest(call.deadline, .after(milliseconds: Self.budgetMilliseconds))
        let echo: EchoSocket
        do {
            echo = try EchoSocket.open(to: address, deadline: deadline)
        } catch {
            return .fail("icmp: \(error)")
        }
        let statistics = PingRun(echo: echo, deadline: deadline).run()
        report(statistics, to: call)
        let label = target == address.ipString ? target : "\(target) (\(address.ipString))"
        return verdict(statistics, label: "ping \(label)", via: echo.kind, packetLoss: call.bool("packetloss") ?? false)
    }

    /// "[::1]" names the same address as "::1"; a target is not a host:port.
    private static func unbracketed(_ target: String) -> String {
        target.hasPrefix("[") && target.hasSuffix("]") ? String(target.dropFirst().dropLast()) : target
    }

    private func report(_ statistics: PingStatistics, to call: Call) {
        call.metric("loss_percent", statistics.lossPercent, unit: "%")
        guard let minimum = statistics.minimum, let average = statistics.average, let maximum = statistics.maximum else { return }
        call.metric("rtt_min_ms", minimum, unit: "ms")
        call.metric("rtt_avg_ms", average, unit: "ms")
        call.metric("rtt_max_ms", maximum, unit: "ms")
    }
}

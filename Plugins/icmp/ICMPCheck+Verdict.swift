import Foundation
import PluginKit

extension ICMPCheck {
    /// gobearmon's rule: 100% loss is offline; with `packetLoss`, over 30% is offline too.
    func verdict(_ statistics: PingStatistics, label: String, via kind: EchoSocket.Kind, packetLoss: Bool) -> CheckOutcome {
        let loss = statistics.lossPercent
        var summary = "\(label): \(String(format: "%.0f", loss))% packet loss (\(statistics.received) of \(statistics.sent) replies)"
        if let minimum = statistics.minimum, let average = statistics.average, let maximum = statistics.maximum {
            summary += ", rtt min/avg/max \(String(format: "%.3f/%.3f/%.3f", minimum, average, maximum)) ms"
        }
        summary += ", via \(kind.rawValue)"
        if statistics.received == 0 {
            return .offline(summary + (statistics.lastError.map { "; last error: \($0)" } ?? ""))
        }
        if packetLoss, loss > Self.allowedLossPercent {
            return .offline("\(summary); more than the \(String(format: "%.0f", Self.allowedLossPercent))% that packetloss allows")
        }
        return .online(summary)
    }
}

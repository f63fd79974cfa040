import Foundation

/// What `bearmon check TYPE --json` printed, read back, with the process's exit status.
struct CLICheckResult: CustomStringConvertible {
    let status: String
    let message: String
    /// Metric values by name.
    let metrics: [String: Double]
    let exitStatus: Int32
    /// Wall time of the whole process.
    let seconds: Double

    /// Parses the JSON line `bearmon check --json` prints.
    init(_ result: CommandResult) throws {
        guard let data = result.stdout.data(using: .utf8),
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let status = object["status"] as? String else {
            throw Unreadable(result: result)
        }
        self.status = status
        message = object["message"] as? String ?? ""
        var metrics: [String: Double] = [:]
        for case let metric as [String: Any] in object["metrics"] as? [Any] ?? [] {
            if let name = metric["name"] as? String, let value = metric["value"] as? Double { metrics[name] = value }
        }
        self.metrics = metrics
        exitStatus = result.status
        seconds = result.seconds
    }

    var description: String { "\(status): \(message) \(metrics) (exit \(exitStatus), \(seconds) s)" }

    /// `bearmon check --json` printed something else.
    struct Unreadable: Error, CustomStringConvertible {
        let result: CommandResult
        var description: String { "exit \(result.status), stdout: \(result.stdout), stderr: \(result.stderr)" }
    }
}

import ArgumentParser
import BearmonCore
import Foundation

/// `bearmon check TYPE --data JSON`: runs one check through the registry, Nagios-style.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run one check and print its status, message, latency and metrics.",
        discussion: """
            Exit status: 0 online, 2 offline, 3 fail (bad data, unknown type, a plugin that overran), as Nagios plugins do. \
            With --format nagios it prints one Nagios plugin line (OK, CRITICAL or UNKNOWN, the message, and the metrics as \
            perfdata), so Icinga, Nagios or Checkmk can run bearmon's probes as plugins.
            """
    )

    @Argument(help: "The check type, for example tcp or http.")
    var type: String

    @Option(name: .long, help: "The check's data as JSON, as stored in checks.data.")
    var data: String = "{}"

    @Option(name: .long, help: "Give up after this many seconds (at most the type's maximum run time).")
    var timeout: Double?

    @Flag(name: .long, help: "Print JSON (the same as --format json).")
    var json = false

    @Option(name: .long, help: "How to print the outcome: text, json or nagios.")
    var format: CheckOutputFormat = .text

    @OptionGroup var options: PluginOptions

    func run() async throws {
        let host = try options.makeHost(threads: 1)
        let outcome: CheckOutcome
        do {
            let checkType = try host.type(.check, type)
            let params = try host.validate(checkType, data: data, strict: true)
            // Clamped to a day: NaN, a negative or a huge --timeout must not trap the conversion.
            let budget = timeout.map { Duration.milliseconds(Int64(($0.isFinite ? min(max($0, 0), 86_400) : 0) * 1000)) }
            outcome = await host.runCheck(checkType, params: params, budget: budget, label: "bearmon check \(type)")
        } catch {
            outcome = CheckOutcome(status: .fail, message: "\(error)")
        }
        switch json ? .json : format {
        case .text: print(OutcomeFormat.text(outcome))
        case .json: print(OutcomeFormat.json(outcome))
        case .nagios: print(OutcomeFormat.nagios(outcome))
        }
        throw ExitCode(outcome.status.exitCode)
    }
}

/// `bearmon check --format`.
enum CheckOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, nagios
}

/// How check outcomes are printed by `check` and `bench`.
enum OutcomeFormat {
    static func text(_ outcome: CheckOutcome) -> String {
        var lines = [
            "status:  \(outcome.status.rawValue)",
            "message: \(outcome.message)",
            "latency: \(String(format: "%.2f", outcome.latencyMilliseconds)) ms",
        ]
        for metric in outcome.metrics {
            lines.append("metric:  \(metric.name) = \(String(format: "%.3f", metric.value))\(metric.unit.isEmpty ? "" : " " + metric.unit)")
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ outcome: CheckOutcome) -> String {
        JSONValue.object([
            "status": .string(outcome.status.rawValue),
            "message": .string(outcome.message),
            "latency_ms": .double(outcome.latencyMilliseconds),
            "metrics": .array(outcome.metrics.map {
                .object(["name": .string($0.name), "value": .double($0.value), "unit": .string($0.unit)])
            }),
        ]).jsonText
    }
}

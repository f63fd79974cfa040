import ArgumentParser
import BearmonCore
import BearmonSystem
import Foundation


/// `bearmon bench TYPE --data JSON --count N --concurrency C`: throughput and latency of
/// one check type through the full host path (validation, pool, deadline, sinks).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run a check N times with C in flight; print checks per second and p50/p99 latency."
    )

    @Argument(help: "The check type.")
    var type: String

    @Option(name: .long, help: "The check's data as JSON.")
    var data: String = "{}"

    @Option(name: .long, help: "How many checks to run.")
    var count: Int = 1000

    @Option(name: .long, help: "How many run at once (also the number of worker threads).")
    var concurrency: Int = 16

    @OptionGroup var options: PluginOptions

    func validate() throws {
        guard count > 0 else { throw ValidationError("--count must be at least 1") }
        guard (1...4096).contains(concurrency) else { throw ValidationError("--concurrency must be 1...4096") }
    }

    func run() async throws {
        let host = try options.makeHost(threads: concurrency)
        let checkType = try host.type(.check, type)
        let params = try host.validate(checkType, data: data, strict: true)
        let started = Deadline.now()
        let outcomes = await withTaskGroup(of: CheckOutcome.self) { group in
            var results: [CheckOutcome] = []
            results.reserveCapacity(count)
            var launched = 0
            while launched < min(concurrency, count) {
                launched += 1
                group.addTask { await host.runCheck(checkType, params: params, label: "bench") }
            }
            while let outcome = await group.next() {
                results.append(outcome)
                if launched < count {
                    launched += 1
                    group.addTask { await host.runCheck(checkType, params: params, label: "bench") }
                }
            }
            return results
        }
        let seconds = Deadline.now().milliseconds(since: started) / 1000
        print(BenchReport(type: type, concurrency: concurrency, seconds: seconds, outcomes: outcomes).text)
    }
}

/// The figures `bearmon bench` prints.
struct BenchReport {
    let type: String
    let concurrency: Int
    let seconds: Double
    let outcomes: [CheckOutcome]

    var text: String {
        let latencies = outcomes.map(\.latencyMilliseconds).sorted()
        func percentile(_ p: Double) -> Double {
            latencies[min(latencies.count - 1, Int((Double(latencies.count) * p).rounded(.up)) - 1)]
        }
        let counts = Dictionary(grouping: outcomes, by: \.status).mapValues(\.count)
        let rate = Double(outcomes.count) / max(seconds, 1e-9)
        var lines = [
            "type \(type): \(outcomes.count) checks, concurrency \(concurrency), \(String(format: "%.2f", seconds)) s",
            "throughput: \(String(format: "%.1f", rate)) checks/s",
            "latency: p50 \(String(format: "%.2f", percentile(0.50))) ms, p99 \(String(format: "%.2f", percentile(0.99))) ms, max \(String(format: "%.2f", latencies.last ?? 0)) ms",
            "outcomes: online \(counts[.online] ?? 0), offline \(counts[.offline] ?? 0), fail \(counts[.fail] ?? 0)",
        ]
        if let failure = outcomes.first(where: { $0.status != .online }) {
            lines.append("first non-online message: \(failure.message)")
        }
        return lines.joined(separator: "\n")
    }
}

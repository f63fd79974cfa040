import Foundation
import Testing
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonMetrics
@testable import BearmonStore
@testable import BearmonWire

/// `/metrics` in process: the exposition a strict parser (and promtool, when installed)
/// accepts, hostile check names escaped, plugin metrics in base units, `/proc` read.
@Suite("metrics: exposition, escaping, units")
struct MetricsTests {
    /// Names a catalog may hold: quotes, backslashes, newlines, control characters, bytes
    /// that were not UTF-8 (U+FFFD by the time they are a String), 10,000 characters.
    static let hostileNames = [
        #"say "hi""#, #"back\slash\"#, "two\nlines", "carriage\rreturn", "tab\there", "nul\u{0}byte", "\u{FFFD}\u{FFFD} not utf-8",
        #"}{="\",\n"#, "émoji 🐻 中文", "", String(repeating: "x", count: 10_000), #"\n literally"#,
    ]

    static func series(_ names: [String]) -> ControllerSeries {
        let checks = names.enumerated().map { index, name in
            ControllerSeries.Check(id: Int64(index + 1), name: name, type: index == 0 ? "ssl_expire" : "http", up: index % 3 == 2 ? nil : index % 2 == 0,
                                   latencySeconds: 0.25, flips: UInt64(index), uptime: [("24h", 0.5), ("90d", 1)],
                                   metrics: [Metric(name: "connect_ms", value: 12.5, unit: "ms"), Metric(name: "expiry_timestamp", value: 1_900_000_000, unit: "s")])
        }
        return ControllerSeries(view: 7, workersAlive: 3, outboxPending: 2, checks: checks)
    }

    @Test("hostile check names come back exactly through a strict parser; promtool accepts the whole exposition")
    func hostileLabels() throws {
        let metrics = NodeMetrics(node: "n1", role: "standalone")
        metrics.countNotification(contactType: "email", kind: "flip", outcome: "delivered")
        let text = String(decoding: metrics.exposition(controller: Self.series(Self.hostileNames)), as: UTF8.self)
        let parsed = try Exposition(text)
        for (index, name) in Self.hostileNames.enumerated() {
            let info = parsed.samples("bearmon_check_info", ["check_id": "\(index + 1)"])
            #expect(info.count == 1 && info.first?.labels["name"] == name, "check \(index + 1): \(info)")
        }
        #expect(parsed.types["bearmon_check_flips_total"] == "counter" && parsed.types["process_cpu_seconds_total"] == "counter")
        #expect(parsed.value("bearmon_notifications_total", ["contact_type": "email", "kind": "flip", "outcome": "delivered"]) == 1)
        #expect(parsed.value("bearmon_node_info", ["node": "n1", "role": "standalone", "version": BearmonVersion.current]) == 1)
        #expect(parsed.value("bearmon_node_is_controller") == 1 && parsed.value("bearmon_controller_view") == 7)
        #expect(parsed.value("bearmon_outbox_pending") == 2 && parsed.value("bearmon_workers_alive") == 3)
        #expect(parsed.value("bearmon_check_up", ["check_id": "1"]) == 1 && parsed.value("bearmon_check_up", ["check_id": "2"]) == 0)
        #expect(parsed.samples("bearmon_check_up", ["check_id": "3"]).isEmpty, "an unknown check has no up series")
        #expect(parsed.value("bearmon_check_uptime_ratio", ["check_id": "2", "window": "24h"]) == 0.5)
        #expect(parsed.value("bearmon_check_metric", ["check_id": "2", "metric": "connect_seconds"]) == 0.0125)
        #expect(parsed.value("bearmon_tls_cert_expiry_timestamp_seconds", ["check_id": "1"]) == 1_900_000_000)
        #expect(parsed.samples("bearmon_tls_cert_expiry_timestamp_seconds").count == 1, "only ssl_expire checks have an expiry")
        #expect(try Exposition.promtool(text) == nil)
    }

    @Test("a node that is not the controller exports its own series and none of the per-check ones")
    func notController() throws {
        let text = String(decoding: NodeMetrics(node: "w2", role: "worker").exposition(controller: nil), as: UTF8.self)
        let parsed = try Exposition(text)
        #expect(parsed.value("bearmon_node_is_controller") == 0)
        #expect(parsed.samples.allSatisfy { !$0.name.hasPrefix("bearmon_check_") && !$0.name.hasPrefix("bearmon_controller") }, "\(text)")
        for name in ["process_cpu_seconds_total", "process_resident_memory_bytes", "process_virtual_memory_bytes", "process_open_fds",
                     "process_max_fds", "process_start_time_seconds"] {
            #expect((parsed.value(name) ?? 0) > 0, "\(name) missing or zero")
        }
        let started = parsed.value("process_start_time_seconds") ?? 0
        #expect(abs(started - Date().timeIntervalSince1970) < 86_400 * 7, "start time \(started) is not near now")
        #expect(try Exposition.promtool(text) == nil)
    }

    @Test("sample values: whole numbers, fractions, NaN and infinities as the format spells them")
    func values() {
        #expect(ExpositionWriter.format(1) == "1" && ExpositionWriter.format(-3) == "-3" && ExpositionWriter.format(0.25) == "0.25")
        #expect(ExpositionWriter.format(.nan) == "NaN" && ExpositionWriter.format(.infinity) == "+Inf" && ExpositionWriter.format(-.infinity) == "-Inf")
        #expect(Exposition.value(ExpositionWriter.format(1e300)) == 1e300 && Exposition.value(ExpositionWriter.format(5e-324)) == 5e-324)
    }

    @Test("plugin metrics in base units, renamed: ms to seconds, % to ratio, days to seconds; unknown units pass")
    func baseUnits() {
        func convert(_ name: String, _ value: Double, _ unit: String) -> (String, Double) {
            let converted = BaseUnit.convert(Metric(name: name, value: value, unit: unit))
            return (converted.name, converted.value)
        }
        #expect(convert("connect_ms", 12.5, "ms") == ("connect_seconds", 0.0125))
        #expect(convert("loss_percent", 20, "%") == ("loss_ratio", 0.2))
        #expect(convert("days_left", 2, "days") == ("seconds_left", 172_800))
        #expect(convert("size", 2, "KiB") == ("size_bytes", 2_048))
        #expect(convert("expiry_timestamp", 5, "s") == ("expiry_timestamp_seconds", 5))
        #expect(convert("answer", 42, "units") == ("answer", 42))
        #expect(convert("odd", 1, "") == ("odd", 1))
    }

    @Test("/proc/self/stat is read from after the command name, which may hold spaces and parentheses")
    func statFields() {
        let line = "42 (a) b (c)) S " + (4...52).map(String.init).joined(separator: " ")
        let fields = ProcessStats.statFields(line)
        #expect(fields?[3] == "S" && fields?[14] == "14" && fields?[22] == "22" && fields?[24] == "24")
        #expect(ProcessStats.statFields("garbage") == nil)
        #expect(ProcessStats.maxOpenFiles("Limit Soft Hard Units\nMax open files            1024                 4096                 files\n") == 1024)
        #expect(ProcessStats.maxOpenFiles("Max open files unlimited unlimited files\n") == nil)
    }

    @Test("a result's metrics cross the wire; NaN is dropped when made, and a peer's hostile metrics refuse the message")
    func wireMetrics() throws {
        let result = WorkerResult(checkID: 1, token: 2, status: .online, message: "", latencyMilliseconds: 1,
                                  metrics: [Metric(name: "a_ms", value: 1, unit: "ms"), Metric(name: "bad", value: .nan, unit: "")])
        #expect(result.metrics.map(\.name) == ["a_ms"])
        let decoded = try WireJSON.decoder.decode(WorkerResult.self, from: WireJSON.encoder.encode(result))
        #expect(decoded == result)
        let old = try WireJSON.decoder.decode(WorkerResult.self, from: Data(#"{"check_id":1,"token":2,"status":"online","message":"","latency_milliseconds":1}"#.utf8))
        #expect(old.metrics.isEmpty, "a result from a node that sends no metrics")
        let many = (0...64).map { #"{"name":"m\#($0)","value":1,"unit":""}"# }.joined(separator: ",")
        let long = #"{"name":"\#(String(repeating: "n", count: 65))","value":1,"unit":""}"#
        for metrics in [many, long, #"{"name":"x","value":1,"unit":"\#(String(repeating: "u", count: 17))"}"#] {
            let json = #"{"check_id":1,"token":2,"status":"online","message":"","latency_milliseconds":1,"metrics":[\#(metrics)]}"#
            #expect(throws: DecodingError.self) { try WireJSON.decoder.decode(WorkerResult.self, from: Data(json.utf8)) }
        }
    }

    @Test("[metrics] open is read as a boolean, default false; anything else names the file and line")
    func settings() throws {
        #expect(try MetricsSettings.from(Config()).open == false)
        #expect(try MetricsSettings.from(GcfgParser(file: "m.cfg").parse("[metrics]\nopen = true\n")).open == true)
        let bad = try GcfgParser(file: "m.cfg").parse("[metrics]\nopen = sometimes\n")
        let error = #expect(throws: ConfigError.self) { try MetricsSettings.from(bad) }
        #expect(error?.description.hasPrefix("m.cfg:2:") == true, "\(error.map(String.init(describing:)) ?? "")")
        let typo = try GcfgParser(file: "m.cfg").parse("[metrics]\nopened = true\n")
        #expect(throws: ConfigError.self) { try typo.validateHostSections() }
    }
}

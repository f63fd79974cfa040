import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonStore

/// `/metrics` on running nodes: the access rule, a cluster exporting each check once, and a
/// real Prometheus (Debian's `prometheus`) scraping a node and answering PromQL.
@Suite("metrics on running nodes")
struct MetricsNodeTests {
    static let prometheus = "/usr/bin/prometheus"

    /// Whether to run the Prometheus test: always under CI (where a missing prometheus fails
    /// it, saying so); elsewhere only when it is installed.
    static let prometheusRuns: Bool = {
        if FileManager.default.isExecutableFile(atPath: prometheus) || ProcessInfo.processInfo.environment["CI"] != nil { return true }
        print("MetricsNodeTests' Prometheus test skipped: no \(prometheus); run script/bootstrap to install it (with CI set, the test fails instead)")
        return false
    }()

    @Test("closed reads: /metrics is 401 without a token and 200 with a read token; [metrics] open lets anyone read it")
    func access() async throws {
        let failures = try await offPool { () -> [String] in
            var failures: [String] = []
            let closed = try AccessNode(config: "[api]\nopenReads = false\n")
            let refused = try closed.call("GET", "/metrics")
            if refused.code != 401 || !refused.error.contains("token") { failures.append("no token: \(refused.code) \(refused.error)") }
            let read = try closed.call("GET", "/metrics", headers: closed.bearer("reader"))
            if read.code != 200 { failures.append("read token: \(read.code)") }
            let wrong = try closed.call("GET", "/metrics", headers: ["Authorization": "Bearer bm_not-a-token"])
            if wrong.code != 401 { failures.append("a bad token: \(wrong.code)") }
            let open = try AccessNode(config: "[api]\nopenReads = false\n[metrics]\nopen = true\n")
            let anyone = try open.call("GET", "/metrics")
            if anyone.code != 200 { failures.append("[metrics] open without a token: \(anyone.code)") }
            let api = try open.call("GET", "/api/v1/checks")
            if api.code != 401 { failures.append("[metrics] open must not open the API: \(api.code)") }
            if let text = String(data: anyone.data, encoding: .utf8) {
                let parsed = try Exposition(text)
                if parsed.value("bearmon_node_is_controller") != 1 { failures.append("a standalone node is its controller") }
                if parsed.samples("bearmon_check_info").count != 2 { failures.append("the two seeded checks: \(parsed.samples("bearmon_check_info"))") }
            }
            return failures
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test("a cluster exports each check's series once: from the controller; the other worker and the viewserver only their own")
    func clusterExportsOnce() async throws {
        let cluster = try await Cluster(workers: 2, confirmations: 1, workerConfig: { _ in "[metrics]\nopen = true" },
                                        viewserverConfig: "[metrics]\nopen = true")
        let check = try cluster.store.addCheck(NewCheck(name: "fixture up", type: "fixture", data: #"{"mode":"echo"}"#, interval: 1, delay: 0))
        let failures = try await offPool { () -> [String] in
            try cluster.start()
            defer { cluster.stop() }
            var failures: Set<String> = []
            func scrape(_ port: UInt16) throws -> Exposition {
                let (code, data) = try HTTPTestClient.request("http://127.0.0.1:\(port)/metrics")
                guard code == 200 else { throw Exposition.Failure(description: "/metrics on \(port): \(code)") }
                return try Exposition(String(decoding: data, as: UTF8.self))
            }
            // Every scrape of every worker until both kinds were seen: the controller with the
            // check's series, and a worker that is not the controller with none. A failover
            // under load only swaps which worker is which; the rule holds on each scrape.
            var sawController = false, sawIdle = false
            _ = waitUntil(timeout: 60) {
                for (index, port) in cluster.workerPorts.enumerated() {
                    guard let parsed = try? scrape(port) else { continue }
                    if parsed.value("bearmon_node_info", ["node": "w\(index + 1)", "role": "worker"]) != 1 { failures.insert("w\(index + 1)'s node info") }
                    let perCheck = parsed.samples.filter { $0.name.hasPrefix("bearmon_check_") || $0.name.hasPrefix("bearmon_controller_") || $0.name.hasPrefix("bearmon_outbox") }
                    switch parsed.value("bearmon_node_is_controller") {
                    case 0:
                        sawIdle = true
                        if !perCheck.isEmpty { failures.insert("w\(index + 1), not the controller, exports \(perCheck.prefix(3))") }
                    case 1 where parsed.value("bearmon_check_up", ["check_id": "\(check)"]) == 1:
                        sawController = true
                        if parsed.value("bearmon_check_info", ["check_id": "\(check)", "name": "fixture up", "type": "fixture"]) != 1 { failures.insert("check info") }
                        // The fixture's echo mode reports `answer` 42 (unit "units", which passes as it is), measured by whichever worker ran it.
                        if parsed.value("bearmon_check_metric", ["check_id": "\(check)", "metric": "answer"]) != 42 { failures.insert("no plugin metric from the worker's result") }
                    default:
                        break
                    }
                }
                return sawController && sawIdle
            }
            if !sawController { failures.insert("no worker exported check \(check) up as the controller: \(cluster.logs.suffix(3000))") }
            if !sawIdle { failures.insert("no worker exported itself as not the controller") }
            let view = try scrape(cluster.viewPort)
            if view.value("bearmon_node_info", ["node": "viewserver", "role": "viewserver"]) != 1 || view.samples.contains(where: { $0.name.hasPrefix("bearmon_check_") }) {
                failures.insert("the viewserver's series: \(view.samples.map(\.name))")
            }
            return failures.sorted()
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test("a real Prometheus scrapes /metrics with a read token, and PromQL returns bearmon_check_up of a known check with its value",
          .enabled(if: prometheusRuns), .timeLimit(.minutes(3)))
    func realPrometheus() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.prometheus), "no \(Self.prometheus): run script/bootstrap")
        let failures = try await offPool { () -> [String] in
            let node = try AccessNode(config: "[api]\nopenReads = false\n", environment: ["BEARMON_TEST_METRICS_REFRESH_MS": "1000"])
            // The seeded checks: 1 ("bearmon itself") stays online, 2 ("nothing listens here") goes offline.
            let flipped = waitUntil(timeout: 60) {
                let answer = try? node.call("GET", "/v1/checks", headers: node.bearer("reader"))
                let checks = answer?.object["checks"] as? [[String: Any]] ?? []
                return checks.contains { ($0["id"] as? Int) == 2 && ($0["status"] as? String) == "offline" }
            }
            guard flipped else { return ["check 2 never went offline: \(node.node.process.log.suffix(2000))"] }
            let dir = try TempDirectory("bearmon-prometheus")
            let tokenFile = try dir.write("token", node.token("reader"))
            let port = try refusedPort()
            let config = try dir.write("prometheus.yml", """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: bearmon
                    scrape_interval: 1s
                    scrape_timeout: 1s
                    authorization:
                      credentials_file: \(tokenFile)
                    static_configs:
                      - targets: ["\(node.node.address)"]
                """)
            try FileManager.default.createDirectory(atPath: dir.file("tsdb"), withIntermediateDirectories: false)
            let prometheus = try BackgroundProcess(Self.prometheus, [
                "--config.file=\(config)", "--storage.tsdb.path=\(dir.file("tsdb"))", "--web.listen-address=127.0.0.1:\(port)",
            ], log: dir.file("prometheus.log"))
            defer { prometheus.stop() }
            func query(_ promql: String) -> [[String: Any]] {
                let encoded = promql.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                guard let (code, data) = try? HTTPTestClient.request("http://127.0.0.1:\(port)/api/v1/query?query=\(encoded)"), code == 200,
                      let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
                      let result = (object["data"] as? [String: Any])?["result"] as? [[String: Any]] else { return [] }
                return result
            }
            func value(_ promql: String) -> String? {
                let result = query(promql)
                return result.count == 1 ? (result[0]["value"] as? [Any])?.last as? String : nil
            }
            var failures: [String] = []
            let seen = waitUntil(timeout: 60) { value(#"bearmon_check_up{check_id="2"}"#) != nil && value(#"bearmon_check_up{check_id="1"}"#) != nil }
            guard seen else { return ["Prometheus never had bearmon_check_up: \(prometheus.log.suffix(3000)); up: \(query("up"))"] }
            if value(#"bearmon_check_up{check_id="2"}"#) != "0" { failures.append("check 2 (offline): \(query(#"bearmon_check_up{check_id="2"}"#))") }
            if value(#"bearmon_check_up{check_id="1"}"#) != "1" { failures.append("check 1 (online): \(query(#"bearmon_check_up{check_id="1"}"#))") }
            if value(#"up{job="bearmon"}"#) != "1" { failures.append("the scrape itself: \(query("up"))") }
            // Check 1 has been online for as long as it has been monitored.
            let ratio = #"bearmon_check_uptime_ratio{check_id="1",window="24h"}"#
            if !waitUntil(timeout: 30, { value(ratio) == "1" }) { failures.append("uptime ratio of check 1: \(query(ratio))") }
            let joined = query(#"bearmon_check_up * on(check_id) group_left(name) bearmon_check_info{name="nothing listens here"}"#)
            if joined.count != 1 { failures.append("joining info on check_id: \(joined)") }
            return failures
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}

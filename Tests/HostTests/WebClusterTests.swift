import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonStore

/// The dashboard on a cluster's workers: round state lives in the controller, so a worker that
/// is not the controller asks it over the signed wire instead of saying "unknown".
@Suite("web pages on a cluster")
struct WebClusterTests {
    @Test("every worker's dashboard shows the controller's round, the worker that is not the controller too; unknown once no controller answers")
    func roundsFromTheController() async throws {
        let cluster = try await Cluster(workers: 2, confirmations: 2, workerConfig: { _ in "[api]\nopenReads = true" })
        let check = try cluster.store.addCheck(NewCheck(name: "fixture up", type: "fixture", data: #"{"mode":"echo"}"#, interval: 1, delay: 0))
        let failures = try await offPool { () -> [String] in
            try cluster.start()
            defer { cluster.stop() }
            func round(_ port: UInt16) -> String? {
                guard let (code, data) = try? HTTPTestClient.request("http://127.0.0.1:\(port)/"), code == 200 else { return nil }
                let page = String(decoding: data, as: UTF8.self)
                guard let row = page.range(of: "data-check=\"\(check)\""),
                      let start = page.range(of: "round: ", range: row.upperBound..<page.endIndex) else { return nil }
                return String(page[start.lowerBound...].prefix { $0 != "<" })
            }
            var failures: [String] = []
            var seen: [String] = []
            // Both workers, each at once: the controller answers from its memory, the other asks it.
            let agreed = waitUntil(timeout: 60) {
                seen = cluster.workerPorts.map { round($0) ?? "no page" }
                return seen.allSatisfy { $0.hasPrefix("round: all agree") }
            }
            if !agreed { failures.append("not every worker showed the controller's round: \(seen)\n\(cluster.logs.suffix(3000))") }
            // No viewserver and the controller killed: the worker left has no controller to
            // ask, and says so within the page's patience instead of hanging or inventing one.
            guard let controller = cluster.controllerNumber() else { return failures + ["no controller"] }
            let other = controller == 1 ? 2 : 1
            cluster.viewserver?.stop()
            cluster.crashWorker(controller)
            var last = ""
            let unknown = waitUntil(timeout: 60) {
                last = round(cluster.workerPorts[other - 1]) ?? "no page"
                return last.hasPrefix("round: unknown")
            }
            if !unknown { failures.append("worker \(other) without any controller: \(last)") }
            return failures
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}

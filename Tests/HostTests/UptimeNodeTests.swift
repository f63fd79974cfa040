import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonStore

/// The uptime JSON and badges over HTTP from real nodes: a standalone node with closed reads
/// and `[status] timezone` set, reading a hand-made history with a maintenance window; and a
/// cluster whose controller is killed in the middle of a real outage.
@Suite("uptime and badges on real nodes", .serialized)
struct UptimeNodeTests {
    static let minute: Int64 = 60_000
    static let hour: Int64 = 3_600_000

    /// `[start, end)` ∩ `[low, high)`, ms.
    static func overlap(_ start: Int64, _ end: Int64, _ low: Int64, _ high: Int64) -> Int64 { max(0, min(end, high) - max(start, low)) }

    @Test("standalone, closed reads, [status] timezone: maintenance is left out of both sides, the month is Tokyo's, a private check is 404 without a token")
    func standalone() async throws {
        let failures = try await offPool { () -> [String] in
            let node = try AccessNode(config: "[api]\nopenReads = false\n[status]\ntimezone = Asia/Tokyo\n")
            let store = try node.store()
            let tokyo = try #require(DayCalendar(identifier: "Asia/Tokyo"))
            let added = try store.applyCatalog([
                .addCheck(key: "shown", NewCheck(name: "site", type: "tcp", data: #"{"address":"127.0.0.1:9"}"#, interval: 60, delay: 0, enabled: false), tags: ["web"], isPublic: true),
                .addCheck(key: "hidden", NewCheck(name: "db", type: "tcp", data: #"{"address":"127.0.0.1:9"}"#, interval: 60, delay: 0, enabled: false), tags: [], isPublic: false),
            ])
            let (shown, hidden) = (added["shown"]!, added["hidden"]!)
            // 25 hours of results each minute up to half a minute ago; down from 10 h to 9 h ago;
            // a maintenance window on the check's tag from 6 h to 4 h ago (written as the node would,
            // days cut in the node's zone).
            let now = wallMilliseconds()
            let first = now - 25 * Self.hour - 30_000
            let (downFrom, downTo) = (now - 10 * Self.hour, now - 9 * Self.hour)
            let (holdFrom, holdTo) = (now - 6 * Self.hour, now - 4 * Self.hour)
            let results = (0..<1_500).map { index -> ResultRecord in
                let time = first + Int64(index) * Self.minute
                return ResultRecord(checkID: shown, node: "w1", time: time, status: (downFrom..<downTo).contains(time) ? .offline : .online, message: "", latencyMilliseconds: 42)
            }
            try store.recordResults(results, batchID: "hand-made", days: tokyo)
            let view = try store.view().number
            for (status, began) in [(CheckStatus.offline, downFrom), (.online, downTo)] {
                _ = try store.recordFlip(FlipRequest(flipID: UUID().uuidString, checkID: shown, status: status, message: "", time: began + 30_000,
                                                     checkName: "site", checkType: "tcp", maskedData: "{}", beganAt: began), view: view)
            }
            _ = try store.addMaintenance(MaintenanceRow(id: 0, name: "upgrade", scope: .tag("web"), timing: .oneOff(start: holdFrom, end: holdTo),
                                                        comment: "", createdBy: "test", createdAt: now), now: now)

            var failures: [String] = []
            let answer = try node.call("GET", "/api/v1/checks/\(shown)/uptime")
            let report = answer.object
            // The node's clock runs on a few seconds past `now`: allow 30 s in 22 hours.
            let tolerance = 30_000.0 / Double(22 * Self.hour)
            func expect(_ window: String, _ expected: Double, tolerance: Double = tolerance) {
                guard let value = report[window] as? Double, abs(value - expected) <= tolerance else {
                    failures.append("\(window): \(String(describing: report[window])), expected \(expected)"); return
                }
            }
            // 24 h: 22 h counted (2 h of maintenance left out), 1 h of it down.
            expect("24h", 21.0 / 22)
            // Longer windows: only 25 h were monitored, 23 h counted.
            for window in ["7d", "30d", "90d"] { expect(window, 22.0 / 23) }
            // The month, cut in Tokyo (computed here with Foundation's calendar, not bearmon's).
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Asia/Tokyo")!
            let monthStart = Int64(calendar.dateInterval(of: .month, for: Date(timeIntervalSince1970: Double(now) / 1_000))!.start.timeIntervalSince1970 * 1_000)
            let counted = Self.overlap(first, now, monthStart, now) - Self.overlap(holdFrom, holdTo, monthStart, now)
            if counted >= 2 * Self.hour {
                expect("month", 1 - Double(Self.overlap(downFrom, downTo, monthStart, now)) / Double(counted), tolerance: 30_000.0 / Double(counted))
            } else if counted <= 0, !(report["month"] is NSNull) {
                failures.append("month: \(String(describing: report["month"])), expected null: nothing monitored this month")
            }

            // Badges over HTTP: anyone sees the public check's; the private one is 404 until a read token asks.
            let (code, data) = try HTTPTestClient.request("http://\(node.node.address)/api/v1/checks/\(shown)/badge/uptime/24h.svg")
            if code != 200 || SVGDocument(data)?.texts.last != "95.45%" { failures.append("uptime badge: \(code) \(String(decoding: data, as: UTF8.self))") }
            let (latencyCode, latency) = try HTTPTestClient.request("http://\(node.node.address)/api/v1/checks/\(shown)/badge/latency/24h.svg")
            if latencyCode != 200 || SVGDocument(latency)?.texts.last != "42 ms" { failures.append("latency badge: \(latencyCode)") }
            for path in ["uptime", "badge/status.svg"] {
                if try node.call("GET", "/api/v1/checks/\(hidden)/\(path)").code != 404 { failures.append("private \(path) shown without a token") }
                if try node.call("GET", "/api/v1/checks/\(hidden)/\(path)", headers: node.bearer("reader")).code != 200 { failures.append("private \(path) refused a read token") }
                if try node.call("GET", "/api/v1/checks/\(shown)/\(path)", headers: ["Authorization": "Bearer bm_revoked"]).code != 401 { failures.append("an unknown token was ignored on \(path)") }
            }
            // The rest of the API stays closed.
            if try node.call("GET", "/api/v1/checks/\(shown)").code != 401 { failures.append("GET /api/v1/checks/N opened with the badges") }
            return failures
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test("kill -9 the controller in the middle of an outage: the uptime a worker reports is the hand-computed one, within the result cadence",
          .timeLimit(.minutes(5)))
    func failoverMidOutage() async throws {
        let outage = try await FailoverTests.Outage()
        let run = try await offPool { () -> (controllers: (Int?, Int?), down: Int64, up: Int64, firstResult: Int64, asked: Int64, answer: JSONAnswer?) in
            try outage.cluster.start()
            _ = waitUntil(timeout: 5) { false }
            let down = wallMilliseconds()
            try outage.set("down")
            _ = waitUntil(timeout: 60) { outage.notes.statuses == ["offline"] }
            let first = outage.cluster.controllerNumber()
            if let first { outage.cluster.crashWorker(first) }
            let second = first.flatMap { outage.cluster.awaitNewController(replacing: $0) }
            // The outage goes on under the new controller.
            _ = waitUntil(timeout: 6) { false }
            let up = wallMilliseconds()
            try outage.set("up")
            _ = waitUntil(timeout: 60) { outage.notes.statuses.count >= 2 }
            _ = waitUntil(timeout: 5) { false }
            let firstResult = try outage.cluster.store.database.query("SELECT MIN(time) FROM check_results WHERE check_id = ?", [.int(outage.check)]).first?.int(0) ?? 0
            guard let asking = second else { return ((first, second), down, up, firstResult, 0, nil) }
            let (code, data) = try HTTPTestClient.request("http://127.0.0.1:\(outage.cluster.workerPorts[asking - 1])/api/v1/checks/\(outage.check)/uptime")
            return ((first, second), down, up, firstResult, wallMilliseconds(), JSONAnswer(code: code, data: data))
        }
        #expect(run.controllers.0 != nil && run.controllers.1 != nil && run.controllers.0 != run.controllers.1, "\(outage.cluster.logs)")
        #expect(outage.notes.statuses == ["offline", "online"])
        let answer = try #require(run.answer, "no new controller: \(outage.cluster.logs)")
        #expect(answer.code == 200, "\(answer.object)")
        // Monitored from the first result to now (the gap while no controller ran lies inside
        // one hourly bucket, so it counts, as down); down from the switch to down until the
        // switch back, each edge late by at most a round (interval 1 s, two confirmations).
        let monitored = Double(run.asked - run.firstResult)
        let expected = 1 - Double(run.up - run.down) / monitored
        let value = try #require(answer.object["24h"] as? Double, "\(answer.object)")
        #expect(abs(value - expected) <= 3_000 / monitored, "24h uptime \(value), hand-computed \(expected) over \(monitored / 1_000) s monitored")
        #expect(answer.object["7d"] as? Double == value && answer.object["30d"] as? Double == value, "\(answer.object)")
        let flips = try outage.cluster.store.flips(checkID: outage.check, from: 0, to: Int64.max)
        #expect(flips.map(\.status) == [.offline, .online])
        for (flip, switched) in zip(flips, [run.down, run.up]) {
            let began = try #require(flip.beganAt)
            #expect(began >= switched - 1_000 && began - switched <= 3_000, "the \(flip.status) streak began \(began - switched) ms after the switch")
        }
    }
}

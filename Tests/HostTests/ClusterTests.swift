import BearmonSystem
import Foundation
import Testing
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonMonitor
@testable import BearmonPlugins
@testable import BearmonRoles
@testable import BearmonServer
@testable import BearmonStore
@testable import BearmonWire
@testable import BearmonCLI

/// A viewserver and three workers as real processes, on loopback, with MariaDB.
@Suite("cluster: viewserver, workers, controller", .serialized)
struct ClusterTests {
    private func lines(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    @Test("with confirmations 2 and delay 1, an outage gives exactly one offline and one online notification")
    func flipAndRecover() async throws {
        let cluster = try await Cluster()
        let state = try TempDirectory("bearmon-switch")
        let target = try FixtureHTTPServer(state: state.path)
        let receiver = try await FixtureHTTPServer.recorder()
        let check = try cluster.store.addCheck(NewCheck(name: "web", type: "http", data: #"{"url":"\#(target.url("/switch/web"))","expect_status":200}"#, interval: 1, delay: 1))
        let contact = try cluster.store.addContact(type: "webhook", data: receiver.url("/record"))
        _ = try cluster.store.addAlert(checkID: check, contactID: contact, type: .both)
        let (offline, online, report) = try await offPool {
            try cluster.start()
            // Let it run healthy first: several rounds, no notification.
            _ = waitUntil(timeout: 5) { false }
            try state.write("web", "down")
            let offline = waitUntil(timeout: 60) { receiver.recorded.count == 1 }
            try state.write("web", "up")
            let online = waitUntil(timeout: 60) { receiver.recorded.count == 2 }
            _ = waitUntil(timeout: 4) { false }
            return (offline, online, try cluster.status())
        }
        #expect(offline && online, "\(cluster.logs)")
        let notes = WebhookNotes(receiver)
        #expect(notes.statuses == ["offline", "online"])
        #expect(Set(notes.eventIDs).count == 2)
        #expect(notes.eventIDs.allSatisfy { !$0.isEmpty })
        let events = try cluster.store.database.query("SELECT type FROM check_events WHERE check_id = ? ORDER BY id", [.int(check)]).map { $0.string(0) }
        #expect(events == ["offline", "online"])
        #expect(try cluster.store.checkRow(check)?.status == "online")
        #expect(report.checks.first?.status == "online")
        // Both results that flipped it came from two distinct workers.
        let nodes = try cluster.store.database.query("SELECT DISTINCT node FROM check_results WHERE check_id = ? AND status = 'offline'", [.int(check)])
        #expect(nodes.count >= 2)
    }

    @Test("a target that is down for only one worker never flips when confirmations is 2")
    func oneWorkerDisagrees() async throws {
        let nsd = try await offPool { try NSDServer() }
        let silent = try refusedPort()
        // Workers 1 and 2 resolve through the real DNS server; worker 3's resolver is a port
        // where nothing listens, so for it alone the check is offline.
        let cluster = try await Cluster(workerConfig: { $0 == 3 ? "[dns]\nserver = 127.0.0.1:\(silent)" : "[dns]\nserver = 127.0.0.1:\(nsd.port)" })
        let check = try cluster.store.addCheck(NewCheck(name: "dns", type: "dns", data: #"{"name":"a.test","type":"A","expect":"1.2.3.4","timeout":2}"#, interval: 1, delay: 0))
        let report = try await offPool {
            try cluster.start()
            _ = waitUntil(timeout: 20) {
                ((try? cluster.store.database.query("SELECT COUNT(*) FROM check_results WHERE node = 'w3' AND status = 'offline'").first?.int(0)) ?? 0) >= 3
            }
            return try cluster.status()
        }
        let disagreements = try cluster.store.database.query("SELECT COUNT(*) FROM check_results WHERE node = 'w3' AND status = 'offline'").first?.int(0) ?? 0
        #expect(disagreements >= 3, "\(cluster.logs)")
        #expect(try cluster.store.checkRow(check)?.status == "online")
        #expect(try cluster.store.database.query("SELECT COUNT(*) FROM check_events").first?.int(0) == 0)
        #expect(report.checks.first?.status == "online")
    }

    @Test("a wrong password, a replayed request and an oversized body are refused and logged; the cluster carries on")
    func refusals() async throws {
        let cluster = try await Cluster()
        _ = try cluster.store.addCheck(NewCheck(name: "noop", type: "fixture_noop", data: "{}", interval: 1, delay: 0))
        try await offPool { try cluster.start() }
        let url = "http://127.0.0.1:\(cluster.viewPort)/v1/view"
        func send(_ signature: RequestSignature, body: Data? = nil, method: String = "GET") throws -> Int {
            var headers = Dictionary(uniqueKeysWithValues: signature.headers)
            headers["Content-Type"] = "application/json"
            return try HTTPTestClient.request(url, method: method, body: body, headers: headers).0
        }
        let host = "127.0.0.1:\(cluster.viewPort)"
        let forged = RequestSignature.sign(method: "GET", path: "/v1/view", host: host, body: [], node: "intruder", password: "not-the-password")
        #expect(try send(forged) == 401)
        let genuine = RequestSignature.sign(method: "GET", path: "/v1/view", host: host, body: [], node: "tester", password: Cluster.password)
        #expect(try send(genuine) == 200)
        #expect(try send(genuine) == 401)
        let huge = [UInt8](repeating: UInt8(ascii: "x"), count: NodeServer.maxBodyBytes + 1)
        let signedHuge = RequestSignature.sign(method: "POST", path: "/v1/view", host: host, body: huge, node: "tester", password: Cluster.password)
        #expect(try send(signedHuge, body: Data(huge), method: "POST") == 413)
        let unsigned = try HTTPTestClient.request(url).0
        #expect(unsigned == 401)

        let log = cluster.log("viewserver")
        #expect(log.contains("bad signature from node 'intruder': wrong password, or the request was altered"))
        #expect(log.contains("replayed request from node 'tester'"))
        #expect(log.contains("body larger than \(NodeServer.maxBodyBytes) bytes"))
        #expect(!log.contains(Cluster.password))
        // A view may be in passing revocation (a new controller slow to take it): wait it out.
        let report = try await offPool { cluster.awaitStatus(timeout: 30) { $0.workers.filter(\.alive).count == 3 } }
        #expect(report?.workers.filter(\.alive).count == 3, "\(cluster.logs)")
    }

    @Test("with [default] cert and key, nodes speak HTTPS to each other and refuse plain HTTP")
    func tls() async throws {
        let cluster = try await Cluster(tls: true)
        _ = try cluster.store.addCheck(NewCheck(name: "noop", type: "fixture_noop", data: "{}", interval: 1, delay: 0))
        let report = try await offPool { () -> StatusReport? in
            try cluster.start()
            return cluster.awaitStatus(timeout: 30) { $0.checks.first?.lastResult != nil && $0.workers.filter(\.alive).count == 3 }
        }
        #expect(report?.workers.filter(\.alive).count == 3)
        #expect(report?.checks.first?.lastResult?.status == "online")
        #expect(report?.controller.map { cluster.workerPorts.map { "127.0.0.1:\($0)" }.contains($0) } == true)
        // A client speaking plain HTTP gets no answer from a TLS node.
        let plain = try? HTTPTestClient.request("http://127.0.0.1:\(cluster.viewPort)/healthz", timeout: 3)
        #expect(plain?.0 != 200)
    }

    @Test("bearmon status shows the controller, the view and all three workers")
    func status() async throws {
        let cluster = try await Cluster()
        _ = try cluster.store.addCheck(NewCheck(name: "noop", type: "fixture_noop", data: "{}", interval: 1, delay: 0))
        let (text, json) = try await offPool {
            try cluster.start()
            // A controller that took over (a second view, under load) knows the workers only
            // from their next asks, while the last result is read from the database at once.
            _ = waitUntil(timeout: 30) {
                guard let report = try? cluster.status() else { return false }
                return report.checks.first?.lastResult != nil && Set(report.workers.map(\.node)).isSuperset(of: ["w1", "w2", "w3"])
            }
            let text = try Command.runBlocking(TestPaths.bearmon, ["status", "--config", cluster.dir.file("worker2.cfg")])
            let json = try Command.runBlocking(TestPaths.bearmon, ["status", "--json", "--config", cluster.dir.file("viewserver.cfg")])
            return (text, json)
        }
        #expect(text.status == 0, "\(text.stderr)")
        for worker in ["w1", "w2", "w3"] { #expect(text.stdout.contains("\(worker) (alive")) }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        for key in ["controller", "view", "workers", "checks"] { #expect(object[key] != nil, "missing \(key)") }
        let controller = try #require(object["controller"] as? String)
        #expect(cluster.workerPorts.map { "127.0.0.1:\($0)" }.contains(controller))
        #expect((object["workers"] as? [[String: Any]])?.count == 3)
        #expect(((object["view"] as? [String: Any])?["number"] as? Int ?? 0) >= 1)
    }

    @Test("monitor-srv's API on every worker: a push to one is seen from another and by the controller; the viewserver answers 404; a dead worker trips the bearmon.node.alive switch")
    func passiveMonitoring() async throws {
        // With a push token, which the viewserver's own pushes must carry too.
        let token = "[push]\ntoken = push-token-for-tests"
        let cluster = try await Cluster(workerConfig: { _ in token }, viewserverConfig: token)
        // All three workers push bearmon.node.alive every 10 s; a push older than 12 s means its node is gone.
        let alive = try cluster.store.addCheck(NewCheck(name: "all workers alive", type: "healthcheck",
                                                        data: #"{"id":"bearmon.node.alive","service":"bearmon","max_age":12,"min_ok":3}"#, interval: 1, delay: 0))
        let (pushed, seenElsewhere, viewserver, unsignedChecks, nodes, controllers, allAlive, victim, tripped, viewserverOwn) = try await offPool {
            try cluster.start()
            func url(_ port: UInt16, _ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }
            let ports = cluster.workerPorts
            let body = Data(MonitorMessages.healthCheck("app.alive", node: "app-1").utf8)
            let unauthorized = try HTTPTestClient.request(url(ports[1], "/v1/healthchecks"), method: "POST", body: body).0
            let pushed = try HTTPTestClient.request(url(ports[1], "/v1/healthchecks"), method: "POST", body: body,
                                                    headers: ["Authorization": "Bearer push-token-for-tests"]).0
            let seen = JSONAnswer(code: 0, data: try HTTPTestClient.request(url(ports[2], "/v1/healthchecks?id=app.alive")).1)
            let viewserver = try [("GET", "/v1/healthchecks"), ("POST", "/v1/status"), ("GET", "/v1/services")].map { method, path in
                let (code, data) = try HTTPTestClient.request(url(cluster.viewPort, path), method: method, body: method == "POST" ? Data("{}".utf8) : nil)
                return JSONAnswer(code: code, data: data)
            }
            let unsignedChecks = try HTTPTestClient.request(url(ports[0], "/v1/checks")).0
            var own = JSONAnswer(code: 0, data: Data())
            _ = waitUntil(timeout: 20) {
                own = JSONAnswer(code: 0, data: (try? HTTPTestClient.request(url(ports[0], "/v1/healthchecks?id=bearmon.node.alive")).1) ?? Data())
                return own.entries("healthChecks").count == 3
            }
            let allAlive = waitUntil(timeout: 20) { (try? cluster.status().checks.first { $0.id == alive }?.lastResult?.message.hasPrefix("3 of min_ok 3")) == true }
            // The active controller pushes bearmon.controller.view as soon as it holds the view.
            var controllers = JSONAnswer(code: 0, data: Data())
            _ = waitUntil(timeout: 15) {
                controllers = JSONAnswer(code: 0, data: (try? HTTPTestClient.request(url(ports[0], "/v1/healthchecks?id=bearmon.controller.view")).1) ?? Data())
                return !controllers.entries("healthChecks").isEmpty
            }
            // The viewserver has no store: it pushes its own two healthchecks through a candidate.
            var viewserverOwn = JSONAnswer(code: 0, data: Data())
            _ = waitUntil(timeout: 20) {
                viewserverOwn = JSONAnswer(code: 0, data: (try? HTTPTestClient.request(url(ports[2], "/v1/healthchecks?service=bearmon&limit=100")).1) ?? Data())
                let own = viewserverOwn.pushedBy("viewserver")
                return own.contains { $0["id"] as? String == "bearmon.cluster.controller" && $0["status"] as? Int == 1 }
                    && own.contains { $0["id"] as? String == "bearmon.viewserver.alive" }
            }
            // Kill a worker that is not the controller, so no failover muddies the wait.
            let controller = controllers.entries("healthChecks").nodeIDs.first?.first ?? "w1"
            let victim = try #require((1...3).first { "w\($0)" != controller })
            cluster.workers[victim - 1]?.stop(signal: SIGKILL)
            let tripped = waitUntil(timeout: 45) { (try? cluster.store.checkRow(alive)?.status) == "offline" }
            // Nothing here needs a graceful stop, which takes seconds per node.
            cluster.workers.forEach { $0?.stop(signal: SIGKILL) }
            cluster.viewserver?.stop(signal: SIGKILL)
            return (pushed == 200 && unauthorized == 401, seen, viewserver, unsignedChecks, own, controllers, allAlive, victim, tripped, viewserverOwn)
        }
        #expect(pushed, "a push needs the token; with it, it is taken")
        #expect(seenElsewhere.entries("healthChecks").nodeIDs == [["app-1"]])
        #expect(viewserver.map(\.code) == [404, 404, 404])
        #expect(viewserver.allSatisfy { $0.error.contains("this node has no store") })
        #expect(unsignedChecks == 401)
        #expect(nodes.entries("healthChecks").nodeIDs == [["w1"], ["w2"], ["w3"]])
        #expect(controllers.entries("healthChecks").count == 1)
        #expect((controllers.entries("healthChecks").first?["results"] as? [String: String])?["view"] != nil)
        #expect(allAlive, "\(cluster.logs)")
        #expect(tripped, "\(cluster.logs)")
        // bearmon.node.alive above counted the three workers only; the viewserver has ids of its own.
        let viewserverIDs = viewserverOwn.pushedBy("viewserver").compactMap { $0["id"] as? String }.sorted()
        #expect(viewserverIDs == ["bearmon.cluster.controller", "bearmon.viewserver.alive"], "\(cluster.logs)")
        let held = viewserverOwn.pushedBy("viewserver").first { $0["id"] as? String == "bearmon.cluster.controller" }?["results"] as? [String: String]
        let controllerPort = held?["controller"]?.split(separator: ":").last.flatMap { UInt16($0) }
        #expect(controllerPort.map(cluster.workerPorts.contains) == true, "\(String(describing: held))")
        let flip = try cluster.store.database.query("SELECT message FROM check_flips WHERE check_id = ?", [.int(alive)]).first?.string(0) ?? ""
        #expect(flip.hasPrefix("2 of min_ok 3 node(s) pushed bearmon.node.alive OK within 12s; w\(victim): last push"), "\(flip)")
    }

    @Test("SIGTERM stops a worker and then the controller while their asks for work wait at the controller (10 minutes here), each long before its ask would end")
    func stopsDuringLongPolls() async throws {
        let cluster = try await Cluster(workers: 2)
        defer { cluster.stop() }
        try cluster.start(environment: ["BEARMON_TEST_LONG_POLL_MS": "600000"])
        let controller = try #require(cluster.controllerNumber())
        // No checks: every ask waits at the controller, the controller's own included.
        try await Task.sleep(for: .seconds(2))
        for number in [controller == 1 ? 2 : 1, controller] {
            let process = try #require(cluster.workers[number - 1])
            kill(process.pid, SIGTERM)
            #expect(process.waitForExit(timeout: 90), "w\(number) still ran 90 s after SIGTERM: \(cluster.log("worker\(number)").suffix(3000))")
            #expect(process.terminationDescription == "exit code 0", "w\(number): \(process.terminationDescription ?? "running")")
        }
    }
}

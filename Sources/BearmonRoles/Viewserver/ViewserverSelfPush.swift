import BearmonCore
import BearmonServer
import BearmonSystem
import BearmonWire
import Logging

/// The viewserver monitors itself like every other node, but it has no store, so it pushes
/// its healthchecks to a candidate over the signed node wire (the open API refuses
/// `bearmon.*` ids, so that no one else can forge them): the active controller first, then
/// the others in turn. The pushes land in the shared store, where `bearmon query` and
/// `healthcheck` checks see them. Without a viewserver no controller can be chosen, so
/// `bearmon.viewserver.alive` is the dead man's switch worth alerting on.
struct ViewserverSelfPush: Sendable {
    let node: String
    let address: HostPort
    let candidates: [String]
    let viewserver: Viewserver
    let client: NodeClient
    let logger: Logger
    let started = monotonicMilliseconds()

    /// Pushes every ``SelfMonitor/intervalSeconds`` until cancelled, and within a second when
    /// the view's holder changes, so that `bearmon.cluster.controller` follows a failover.
    /// A failed push is tried again a second later; failures in the first interval are
    /// expected (the candidates are starting) and quiet.
    func run() async {
        let loop = SelfPushLoop<String?>(subject: "the viewserver's", retry: .seconds(1),
                                         quietStart: .seconds(SelfMonitor.intervalSeconds), logger: logger)
        await loop.run(key: { [viewserver] in await viewserver.currentView.controller }) { _ in try await pushOnce() }
    }

    /// Pushes both healthchecks to the first candidate that takes them.
    func pushOnce() async throws {
        let view = await viewserver.currentView
        let checks = healthChecks(view)
        let targets = ([view.controller].compactMap { $0 } + candidates).uniqued()
        var lastError: Error = NodeClient.CallError(target: "push", status: 0, reason: "no candidates", view: nil)
        for target in targets {
            do {
                for check in checks {
                    let _: [String: String] = try await client.post(target, "/" + MonitorRoutes.selfHealthPath, check, timeout: .milliseconds(2_000))
                }
                return
            } catch {
                lastError = error
            }
        }
        throw lastError
    }

    func healthChecks(_ view: ViewReply) -> [MonitorHealthCheck] {
        let uptime = "\((monotonicMilliseconds() - started) / 1_000)s"
        let holder = view.controller.map { ["controller": $0] } ?? [:]
        return [
            SelfMonitor.healthCheck(SelfMonitor.Name.viewserverAlive, "the bearmon viewserver is running", node: node, address: address,
                                    results: ["role": "viewserver", "uptime": uptime, "candidates": String(candidates.count)]),
            SelfMonitor.healthCheck(SelfMonitor.Name.clusterController, "a candidate holds the controller's view", node: node, address: address,
                                    results: holder.merging(["view": String(view.view)]) { first, _ in first },
                                    error: view.controller == nil ? "no candidate holds the view: none answers the viewserver's pings" : nil),
        ]
    }
}

private extension Array where Element: Hashable {
    /// The elements in order, each kept the first time it appears.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

package import BearmonCore
package import BearmonWire
package import Logging

/// A worker's way to the active controller across the network: it asks the viewserver who
/// the controller is, keeps using that controller while it answers (also while the
/// viewserver is down), and asks again when the controller fails or refuses. It never goes
/// back to an older view than one it has seen.
package actor RemoteControllerLink: ControllerLink {
    let client: NodeClient
    let viewserver: String
    let logger: Logger
    /// The newest view seen, and its controller when known.
    var known: ViewReply = ViewReply(view: 0, controller: nil)
    /// The last controller that answered, tried again when the viewserver cannot be reached.
    var lastController: String?

    /// A link that finds the controller through `viewserver` (host:port).
    package init(client: NodeClient, viewserver: String, logger: Logger) {
        self.client = client
        self.viewserver = viewserver
        self.logger = logger
    }

    /// The view this worker believes in.
    package var currentView: ViewReply { known }

    /// Reports results and asks for work at the current controller.
    package func exchange(worker: String, results: [WorkerResult], capacity: Int, wait: Duration) async throws -> [Assignment] {
        let view = try await controllerView()
        guard let controller = view.controller else { throw NodeClient.CallError(target: "viewserver \(viewserver)", status: 0, reason: "no controller is granted yet", view: nil) }
        let request = ExchangeRequest(worker: worker, view: view.view, results: results, capacity: capacity, waitMs: wait.inMilliseconds)
        do {
            let reply: ExchangeReply = try await client.post(controller, "/v1/exchange", request, timeout: wait + .seconds(10))
            guard reply.view >= known.view else {
                forgetController()
                throw NodeClient.CallError(target: controller, status: 409, reason: "answered for view \(reply.view), older than view \(known.view)", view: reply.view)
            }
            if reply.view > known.view { known = ViewReply(view: reply.view, controller: controller) }
            if known.controller == nil, reply.view == known.view { known.controller = controller }
            lastController = controller
            return reply.assignments
        } catch {
            forgetController()
            throw error
        }
    }

    /// Asks the current controller where checks stand in their rounds.
    package func rounds(_ ids: [Int64]) async throws -> [Int64: CheckRound] {
        let view = try await controllerView()
        guard let controller = view.controller else { throw NodeClient.CallError(target: "viewserver \(viewserver)", status: 0, reason: "no controller is granted yet", view: nil) }
        let reply: RoundsReply = try await client.post(controller, "/v1/rounds", RoundsRequest(checkIDs: Array(ids.prefix(RoundsRequest.limit))), timeout: .seconds(5))
        return Dictionary(reply.rounds.map { ($0.checkID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The known controller, or the viewserver's current answer; with the viewserver down,
    /// the last controller that answered.
    private func controllerView() async throws -> ViewReply {
        if known.controller != nil { return known }
        let reply: ViewReply
        do {
            reply = try await client.get(viewserver, "/v1/view", timeout: .milliseconds(3_000))
        } catch {
            guard let lastController else { throw error }
            return ViewReply(view: known.view, controller: lastController)
        }
        if reply.view >= known.view, reply.controller != nil {
            if reply.view != known.view || reply.controller != known.controller {
                logger.notice("controller is \(reply.controller!) under view \(reply.view)")
            }
            known = reply
        }
        return known
    }

    /// Drops the controller (keeping the view number) so the next call asks the viewserver.
    private func forgetController() { known.controller = nil }
}

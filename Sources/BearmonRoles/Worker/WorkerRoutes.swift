import BearmonConfig
import BearmonServer
import BearmonWire
import Hummingbird
import Logging
import ServiceLifecycle

/// The node-to-node endpoints of a worker, all in the server's signed group: the
/// viewserver's ping, the workers' exchange with the controller, and the live status.
enum WorkerRoutes {
    static func add(to signed: RouterGroup<NodeRequestContext>, candidate: ControllerCandidate, controller: Controller, config: NodeConfig, logger: Logger) {
        // Computed once: on a wildcard listen address it lists the interfaces.
        let names = Set(config.recipientNames.map { $0.lowercased() })
        signed.post("v1/ping") { request, context in
            let ping = try await request.decode(as: PingRequest.self, context: context)
            // The grant is this node's only when `you` is one of its names: a ping naming
            // another node (replayed, forged by a peer that knows the password, or from a
            // misconfigured viewserver) must not make this node act as the controller.
            guard names.contains(ping.you.lowercased()) else {
                logger.warning("refused a ping from \(context.peerDescription) for '\(ping.you)', which is not this node")
                throw NodeHTTPError(.badRequest, "the ping is for '\(ping.you)', which is not this node (it answers to \(names.sorted().joined(separator: ", "))); refusing its grant")
            }
            return try WireJSON.response(await candidate.ping(ping))
        }
        signed.post("v1/exchange") { request, context in
            let exchange = try await request.decode(as: ExchangeRequest.self, context: context)
            if let problem = NodeName.problem(exchange.worker) {
                throw NodeHTTPError(.badRequest, "worker \(problem)")
            }
            guard let held = await candidate.heldView else {
                throw notController(view: await candidate.highestView)
            }
            guard exchange.view <= held else {
                throw NodeHTTPError(.conflict, "this controller holds view \(held), older than the worker's view \(exchange.view)", view: held)
            }
            if exchange.capacity > 0, config.tls == nil, !context.peerIsLoopback {
                guard config.insecure else {
                    logger.warning("refused to send check definitions to \(context.peerDescription) without TLS")
                    throw NodeHTTPError(.forbidden, "check definitions may hold secrets and are only sent over TLS off loopback; set [default] cert and key, or insecure = true")
                }
                logger.warning("sending check definitions to \(context.peerDescription) without TLS, because [default] insecure = true")
            }
            // A stopping node's server waits for the requests in flight, and a long poll could
            // hold it for 20 s: shutdown ends the wait. The results were taken before it, and
            // whatever was assigned is still sent.
            let assignments = await cancelWhenGracefulShutdown {
                await controller.exchange(worker: exchange.worker, results: exchange.results, capacity: exchange.capacity, wait: .milliseconds(exchange.waitMs))
            }
            return try WireJSON.response(ExchangeReply(view: held, assignments: assignments))
        }
        signed.post("v1/rounds") { request, context in
            let question = try await request.decode(as: RoundsRequest.self, context: context)
            guard let held = await candidate.heldView else { throw notController(view: await candidate.highestView) }
            let rounds = try await controller.rounds(question.checkIDs)
            return try WireJSON.response(RoundsReply(view: held, rounds: rounds.values.sorted { $0.checkID < $1.checkID }))
        }
        NodeRoutes.checks(signed) {
            guard await candidate.heldView != nil else { throw notController(view: await candidate.highestView) }
            return try await controller.status(address: await candidate.address)
        }
    }

    /// 409 from a node that does not hold the view; `view` is the highest it knows.
    private static func notController(view: Int64) -> NodeHTTPError {
        NodeHTTPError(.conflict, "this node is not the controller", view: view)
    }
}

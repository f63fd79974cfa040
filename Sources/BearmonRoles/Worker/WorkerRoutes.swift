import BearmonConfig
import BearmonServer
import BearmonWire
import Hummingbird
import Logging

/// The endpoints of a worker node: the viewserver's ping, the workers' exchange with the
/// controller, and the live status, all signed; /healthz is open.
enum WorkerRoutes {
    static func add(to router: Router<NodeRequestContext>, candidate: ControllerCandidate, controller: Controller, config: NodeConfig, logger: Logger) {
        router.post("v1/ping") { request, context in
            let ping = try await request.decode(as: PingRequest.self, context: context)
            return try WireJSON.response(await candidate.ping(ping))
        }
        router.post("v1/exchange") { request, context in
            let exchange = try await request.decode(as: ExchangeRequest.self, context: context)
            if let problem = NodeName.problem(exchange.worker) {
                return WireJSON.error("worker \(problem)", status: .badRequest)
            }
            guard let held = await candidate.heldView else {
                return refusal("this node is not the controller", view: await candidate.highestView)
            }
            guard exchange.view <= held else {
                return refusal("this controller holds view \(held), older than the worker's view \(exchange.view)", view: held)
            }
            if exchange.capacity > 0, config.tls == nil, !context.peerIsLoopback {
                guard config.insecure else {
                    logger.warning("refused to send check definitions to \(context.remoteAddress?.description ?? "?") without TLS")
                    return WireJSON.error("check definitions may hold secrets and are only sent over TLS off loopback; set [default] cert and key, or insecure = true", status: .forbidden)
                }
                logger.warning("sending check definitions to \(context.remoteAddress?.description ?? "?") without TLS, because [default] insecure = true")
            }
            let assignments = await controller.exchange(worker: exchange.worker, results: exchange.results, capacity: exchange.capacity, waitMilliseconds: exchange.waitMs)
            return try WireJSON.response(ExchangeReply(view: held, assignments: assignments))
        }
        router.get("v1/checks") { _, _ in
            guard await candidate.heldView != nil else {
                return refusal("this node is not the controller", view: await candidate.highestView)
            }
            return try WireJSON.response(await controller.status(address: await candidate.address))
        }
    }

    private static func refusal(_ message: String, view: Int64) -> Response {
        (try? WireJSON.response(WireError(error: message, view: view), status: .conflict)) ?? Response(status: .conflict)
    }
}

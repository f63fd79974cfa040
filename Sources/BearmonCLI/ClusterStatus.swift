import BearmonConfig
import BearmonCore
import BearmonRoles
import BearmonSystem
import BearmonWire

/// Asks a cluster for its status, as the node described by a config file: the viewserver
/// names the controller, and the controller reports, both over signed requests.
struct ClusterStatus {
    let node: NodeConfig

    func fetch() async throws -> StatusReport {
        let client = NodeClient(node: node.node + "/status", password: node.password, tls: node.tls)
        let viewserver: String
        switch node.role {
        case .viewserver:
            viewserver = HostPort(host: node.listen.host == "0.0.0.0" || node.listen.host == "::" ? "127.0.0.1" : node.listen.host, port: node.listen.port).description
        case .worker:
            let worker: WorkerSettings
            do { worker = try WorkerSettings.from(node.config) } catch { throw CLIFailure(cause: error) }
            guard let address = worker.viewAddress else { throw CLIFailure("\(node.config.file): [worker] viewAddr is not set") }
            viewserver = address
        }
        do {
            let view: ViewReply = try await client.get(viewserver, "/v1/view", timeout: .milliseconds(5_000))
            guard let controller = view.controller else {
                throw CLIFailure("the viewserver at \(viewserver) has not granted a view yet (highest view \(view.view)); are the workers up?")
            }
            var report: StatusReport = try await client.get(controller, "/v1/checks", timeout: .milliseconds(10_000))
            report.controller = controller
            return report
        } catch let error as NodeClient.CallError {
            throw CLIFailure(cause: error)
        }
    }
}

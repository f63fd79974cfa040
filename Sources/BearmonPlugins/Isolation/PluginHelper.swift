package import BearmonConfig
import BearmonCore
import Foundation
package import Logging

/// The helper's side of plugin isolation: `bearmon plugin-host` loads one module into an
/// ordinary in-process ``PluginHost`` (so the plugin sees the real host table: params,
/// config, metrics, egress policy, logs) and answers the node's requests on descriptor 3,
/// each call on its own task or thread so that calls run concurrently.
package enum PluginHelper {
    /// The descriptor the node hands the helper its end of the socket pair on.
    package static let socketDescriptor: Int32 = 3

    /// Loads `module` and serves requests until the node closes the socket; never returns.
    /// Log lines at `level` and above go to the node, which writes them.
    package static func serve(module: String, config: Config, threads: Int, level: Logger.Level) -> Never {
        let writer = FrameWriter(fd: socketDescriptor)
        let logger = Logger(label: "bearmon.plugin-host") { _ in FrameLogHandler(writer: writer, level: level) }
        let host: PluginHost
        do {
            host = try PluginHost(config: config, directory: (module as NSString).deletingLastPathComponent, threads: threads, logger: logger, only: module)
        } catch {
            writer.send(IsolationReply.refused(reason: "\(error)", fix: "fix the configuration bearmon was started with"))
            exit(2)
        }
        let types = host.registry.types.filter { $0.module.file != ModuleInfo.builtIn.file }
        guard let info = types.first?.module else {
            let refusal = host.registry.refusals.last
            writer.send(IsolationReply.refused(reason: refusal?.reason ?? "it registers no types",
                                               fix: refusal?.fix ?? "return at least one type from the entry point"))
            exit(0)
        }
        writer.send(IsolationReply.hello(module: IsolationModule(info), types: types.map(describe)))
        while true {
            let frame: Data?
            do { frame = try IsolationFrame.read(from: socketDescriptor) } catch {
                logger.error("plugin host for \(info.name): \(error) from the node; exiting")
                exit(2)
            }
            // The node closed its end: it is stopping, or gave up on this helper.
            guard let frame else { exit(0) }
            guard let request = IsolationCodec.decode(IsolationRequest.self, frame) else {
                logger.error("plugin host for \(info.name): a frame from the node that is not a request; exiting")
                exit(2)
            }
            handle(request, host: host, writer: writer)
        }
    }

    private static func describe(_ type: PluginType) -> IsolationType {
        IsolationType(kind: type.kind.rawValue, name: type.name, summary: type.summary, maxRunMs: type.maxRunMilliseconds,
                      params: type.params.map(IsolationParam.init), hasValidate: type.validateFunction != nil)
    }

    private static func handle(_ request: IsolationRequest, host: PluginHost, writer: FrameWriter) {
        switch request {
        case .check(let id, let name, let data, let budget, let label):
            Task {
                let outcome: CheckOutcome
                if let type = host.registry.type(.check, name), let params = try? type.validator.resolve(data) {
                    outcome = await host.runCheck(type, params: params, budget: budget.map { .milliseconds($0) }, label: label)
                } else {
                    outcome = CheckOutcome(status: .fail, message: "the plugin host has no check type '\(name)' taking this data")
                }
                writer.send(IsolationReply.checked(id: id, status: outcome.status, message: outcome.message,
                                                   metrics: outcome.metrics, latencyMs: outcome.latencyMilliseconds))
            }
        case .deliver(let id, let name, let data, let event, let label):
            Task {
                let outcome: ContactOutcome
                if let type = host.registry.type(.contact, name), let params = try? type.validator.resolve(data) {
                    outcome = await host.deliver(type, params: params, event: event.event, label: label)
                } else {
                    outcome = ContactOutcome(status: .permanent, error: "the plugin host has no contact type '\(name)' taking this data")
                }
                writer.send(IsolationReply.delivered(id: id, status: outcome.status, error: outcome.error, receipt: outcome.receipt))
            }
        case .validate(let id, let kind, let name, let data):
            // validate() is a plain blocking C call: it gets a thread, not a task.
            Thread.detachNewThread {
                var problems: [IsolationProblem] = []
                if let kind = PluginKind(rawValue: kind), let type = host.registry.type(kind, name) {
                    do throws(InvalidParams) { _ = try host.validate(type, data: data) } catch {
                        problems = error.problems.map { IsolationProblem(param: $0.param, reason: $0.reason) }
                    }
                } else {
                    problems = [IsolationProblem(param: nil, reason: "the plugin host has no such type")]
                }
                writer.send(IsolationReply.validated(id: id, problems: problems))
            }
        }
    }
}

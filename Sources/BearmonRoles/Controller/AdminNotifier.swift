import BearmonCore
import BearmonPlugins
import Foundation
import Logging
import Synchronization


/// Tells the operator about problems only they can fix (misconfigured checks, too few
/// workers), once per problem: always in the log, and by e-mail to `[smtp] admin` when that
/// is set and the email contact type is loaded.
package final class AdminNotifier: Sendable {
    private let host: PluginHost
    private let logger: Logger
    private let told = Mutex<Set<String>>([])
    /// Where the e-mails run: the controller's, so that its stop waits for them.
    private let tasks: TaskSet

    init(host: PluginHost, logger: Logger, tasks: TaskSet) {
        self.host = host
        self.logger = logger
        self.tasks = tasks
    }

    /// The admin address, if configured.
    var address: String? { host.config.string("smtp", "admin") }

    /// Reports a problem unless `key` was already reported (and not forgotten since).
    func tell(key: String, about subject: String, status: String, message: String) {
        guard told.withLock({ $0.insert(key).inserted }) else { return }
        logger.warning("admin notice: \(subject) is \(status): \(message)")
        guard let address, let email = host.registry.type(.contact, "email"),
              let params = try? host.validate(email, data: address) else { return }
        let event = NotificationEvent(eventID: "admin-" + UUID().uuidString.lowercased(), status: status, message: message,
                                      checkID: 0, checkName: subject, checkType: "bearmon", maskedCheckData: "{}",
                                      time: Int64(Date().timeIntervalSince1970))
        let host = self.host, logger = self.logger
        tasks.run {
            let outcome = await host.deliver(email, params: params, event: event, label: "admin notice")
            if outcome.status != .delivered { logger.warning("cannot e-mail the admin: \(outcome.error)") }
        }
    }

    /// Lets a problem be reported again after it was resolved.
    func forget(key: String) { _ = told.withLock { $0.remove(key) } }
}

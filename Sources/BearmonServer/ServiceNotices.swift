import BearmonSystem
import Dispatch
import Glibc
import Logging
import ServiceLifecycle

/// Tells systemd (`Type=notify`) what the node is doing: READY=1 once it serves, STOPPING=1
/// as soon as SIGTERM or SIGINT arrives (before the graceful shutdown works through the
/// services). A failed notification is logged and never stops the node.
struct ServiceNotices: Service {
    let notifier: ServiceNotifier
    let logger: Logger

    /// Notices for `notifier`, failures logged to `logger`.
    init(notifier: ServiceNotifier, logger: Logger) {
        self.notifier = notifier
        self.logger = logger
    }

    /// Sends `state`; a failure becomes a warning naming the socket.
    func tell(_ state: String) {
        do { try notifier.send(state) } catch { logger.warning("cannot tell systemd \(state.split(separator: "\n").first ?? ""): \(notifier): \(error)") }
    }

    /// Watches for the stop signals until the graceful shutdown reaches this service.
    func run() async throws {
        let queue = DispatchQueue(label: "bearmon.systemd-notify")
        // libdispatch runs every source of a signal, so ServiceLifecycle's own still fires.
        let sources = [SIGTERM, SIGINT].map { signal in
            let source = DispatchSource.makeSignalSource(signal: signal, queue: queue)
            source.setEventHandler { [self] in tell("STOPPING=1") }
            source.resume()
            return source
        }
        defer { for source in sources { source.cancel() } }
        try? await gracefulShutdown()
    }
}

package import BearmonCore
package import Logging

/// The built-in `log` contact type: writes each notification to bearmon's log. It needs no
/// setup, so a fresh standalone node can show flips being notified at once.
package struct LogContact: BuiltInContact {
    private let logger: Logger

    /// A log contact writing through `logger`.
    package init(logger: Logger = Logger(label: "bearmon.notify")) { self.logger = logger }

    /// The registry entry.
    package static func type(logger: Logger) -> PluginType {
        PluginType(
            key: TypeKey(.contact, "log"), summary: "Writes notifications to bearmon's log",
            params: [ParamSpec(name: "label", kind: .string, description: "a name for this contact, shown in each log line", required: true, primary: true)],
            maxRunMilliseconds: 1_000, module: .builtIn, implementation: .contact(LogContact(logger: logger))
        )
    }

    /// Logs the event; always delivered.
    package func deliver(_ event: NotificationEvent, params: ResolvedParams) async -> ContactOutcome {
        let label: String = if case .string(let text)? = params.values["label"] { text } else { "log" }
        let detail = event.message.isEmpty ? "" : ": \(event.message)"
        logger.notice("[\(label)] check \(event.checkID) (\(event.checkName)) is now \(event.status)\(detail)", metadata: ["event_id": "\(event.eventID)"])
        return ContactOutcome(status: .delivered, error: "")
    }
}

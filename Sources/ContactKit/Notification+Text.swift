import Foundation
import PluginKit

/// The words every contact type uses for an event, so that an e-mail, an SMS and a call say
/// the same thing. The status is shown as it is: besides "online" and "offline", the
/// daemon's admin notices say "misconfigured" or "degraded".
extension PluginKit.Notification {
    /// "Check offline: web".
    package var subject: String { "Check \(status): \(checkName)" }

    /// "Check [web] is now online." or "Check [web] is now offline: connection refused".
    package var headline: String {
        let detail = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if status == "online" || detail.isEmpty { return "Check [\(checkName)] is now \(status)." }
        return "Check [\(checkName)] is now \(status): \(detail)"
    }
}

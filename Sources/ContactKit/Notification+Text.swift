import Foundation
import PluginKit

/// The words every contact type uses for an event, so that an e-mail, an SMS and a call say
/// the same thing. The status is shown as it is: besides "online" and "offline", the
/// daemon's admin notices say "misconfigured" or "degraded". The kind (ABI 1.2) changes the
/// words where a plain "is now" would mislead: a catch-up, a removal; a test is marked.
extension PluginKit.Notification {
    /// "Check offline: web", "Check offline (catch-up): web", "[test] Check offline: web",
    /// "Check flapping: web".
    package var subject: String {
        switch kind {
        case "test": "[test] Check \(status): \(checkName)"
        case "catch_up": "Check \(status) (catch-up): \(checkName)"
        case "removed": "Check no longer monitored: \(checkName)"
        case "flapping": "Check flapping: \(checkName)"
        // Issue 23: say why this contact hears it now.
        case "escalation": "Check \(status) (escalation level \(escalationLevel)): \(checkName)"
        case "reminder": "Check still \(status) (reminder \(count)): \(checkName)"
        case "fallback": "Check \(status) (instead of contact \(fallbackFromContactID)): \(checkName)"
        default: "Check \(status): \(checkName)"
        }
    }

    /// "Check [web] is now online." or "Check [web] is now offline: connection refused", and
    /// for a catch-up "Check [web] is offline (offline since ...; 3 notifications held by
    /// maintenance 2): connection refused".
    package var headline: String {
        let message = message.trimmingCharacters(in: .whitespacesAndNewlines)
        let detail = detail.trimmingCharacters(in: .whitespacesAndNewlines)
        switch kind {
        case "test":
            // A test reads like the real thing, marked, so that a receiver's rules can be tried.
            let headline = status == "online" || message.isEmpty ? "Check [\(checkName)] is now \(status)." : "Check [\(checkName)] is now \(status): \(message)"
            return "[test] " + headline
        case "removed":
            return "Check [\(checkName)] is no longer monitored for you" + (detail.isEmpty ? "." : ": \(detail).")
        case "flapping":
            // Issue 22: one notice when flapping starts; what it held comes as a catch-up
            // that says "flapping ended" once it settles.
            return "Check [\(checkName)] is flapping, now \(status)" + (detail.isEmpty ? "." : " (\(detail)).")
        case "reminder":
            // The detail says "still offline for 2 h (reminder 3)".
            let still = detail.isEmpty ? "is still \(status) (reminder \(count))" : "is \(detail)"
            return "Check [\(checkName)] \(still)" + (message.isEmpty ? "." : ": \(message)")
        case "escalation", "fallback":
            let why = kind == "escalation" ? "escalation level \(escalationLevel)" : "you stand in for contact \(fallbackFromContactID)"
            return "Check [\(checkName)] is now \(status) (\(why))" + (status == "online" || message.isEmpty ? "." : ": \(message)")
        case "catch_up":
            let why = detail.isEmpty ? "" : " (\(detail))"
            if status == "online" || message.isEmpty { return "Check [\(checkName)] is \(status)\(why)." }
            return "Check [\(checkName)] is \(status)\(why): \(message)"
        default:
            if status == "online" || message.isEmpty { return "Check [\(checkName)] is now \(status)." }
            return "Check [\(checkName)] is now \(status): \(message)"
        }
    }
}

extension PluginKit.Notification {
    /// The least of the headline a text keeps when it makes room for the acknowledge line:
    /// one SMS segment's worth, so that the link never crowds out what happened.
    static let headlineKept = 160

    /// "Acknowledge: https://…/ack/…" (ABI 1.4's ack_url), or nil: none was sent, the
    /// notification is not about an outage (an online one never offers it, whatever the host
    /// sets), or the link holds whitespace or control characters, which no URL the host signs
    /// does and which would let it forge lines of the text.
    package var acknowledgeLine: String? {
        guard status == "offline", !ackURL.isEmpty,
              !ackURL.unicodeScalars.contains(where: { CharacterSet.whitespacesAndNewlines.union(.controlCharacters).contains($0) })
        else { return nil }
        return "Acknowledge: \(ackURL)"
    }

    /// The headline, then the acknowledge line, in at most `limit` characters (an SMS). The
    /// link is never cut, since half a link acknowledges nothing: the headline is shortened to
    /// make room for it, down to ``headlineKept`` characters, and when even that leaves no
    /// room the line is dropped and the headline alone is sent, cut to `limit` as before.
    package func text(limit: Int) -> String {
        let headline = headline
        guard let line = acknowledgeLine else { return String(headline.prefix(limit)) }
        let room = limit - line.count - 1
        guard room >= min(headline.count, Self.headlineKept) else { return String(headline.prefix(limit)) }
        return String(headline.prefix(room)) + "\n" + line
    }
}

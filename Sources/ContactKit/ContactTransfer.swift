import BearmonSystem
import CurlKit
import Foundation
import PluginKit

/// Runs a contact's transfer and sorts what happened into the ABI's outcomes, the same way
/// for e-mail, Twilio and webhooks: a transfer that broke off is `retry` unless the plugin's
/// `refine` knows better (a rejected login); a response is the caller's to read, and an HTTP
/// status other than 2xx becomes a failure by ``httpFailure(status:detail:)``.
package enum ContactTransfer {
    /// Performs `request` for `call`, whose host's egress policy approves every address it
    /// connects to; a refused one is `permanent`, naming the rule. Errors are worded with
    /// `target` ("Twilio", "SMTP server mail.example.org:587", "hooks.example.org"), never
    /// with the full URL, whose path may be a secret (as in a Slack hook). `refine` sees a
    /// failed transfer first; when it returns nil, a timeout or any other breakdown is a retry.
    package static func perform(
        _ request: CurlRequest, for call: Call, target: String,
        refine: (CurlError, CurlTransfer) -> ContactFailure? = { _, _ in nil }
    ) throws(ContactFailure) -> CurlResponse {
        var request = request
        request.egressPolicy = call.egress
        let started = Deadline.now()
        let transfer: CurlTransfer
        do {
            transfer = try CurlTransfer(request)
        } catch {
            // An option this libcurl refuses: the same on every attempt.
            throw .permanent("could not set up the transfer to \(target): \(error)")
        }
        do {
            return try transfer.perform()
        } catch {
            if let refusal = error.egressRefusal { throw .permanent("may not connect to \(target): \(refusal)") }
            if let refined = refine(error, transfer) { throw refined }
            guard error.isTimeout else { throw .retry("cannot reach \(target): \(error.message)") }
            let seconds = Deadline.now().milliseconds(since: started) / 1000
            throw .retry("timed out after \(String(format: "%.1f", seconds)) s waiting for \(target)")
        }
    }

    /// Whether the HTTP `status` means the receiver took the notification.
    package static func httpAccepted(_ status: Int) -> Bool { (200...299).contains(status) }

    /// The failure for an HTTP status other than 2xx. A 4xx is permanent, since the same
    /// request will be refused again, except 408 and 429, which ask the client to come back
    /// later. So is a 3xx that reaches here (a contact that does not follow redirects, or one
    /// that is not a redirect to follow): only a corrected URL helps. A 5xx, or anything else,
    /// is a retry.
    package static func httpFailure(status: Int, detail: String) -> ContactFailure {
        let permanent = (300...499).contains(status) && status != 408 && status != 429
        return permanent ? .permanent(detail) : .retry(detail)
    }
}

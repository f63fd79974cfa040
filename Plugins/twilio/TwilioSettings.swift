import ContactKit
import CurlKit

/// The `[twilio]` section: gobearmon's accountSid, authToken and from, and bearmon's
/// `baseURL` (default https://api.twilio.com), which lets tests point it at a local endpoint.
struct TwilioSettings {
    /// The config section the twilio module reads.
    static let section = "twilio"
    /// Twilio's REST API.
    static let defaultBaseURL = "https://api.twilio.com"

    let accountSID: String
    /// Never put into a message: only into the request's basic auth.
    let authToken: String
    let from: String
    let baseURL: CurlURL

    init(_ config: ConfigSection) throws(ContactFailure) {
        accountSID = try config.required("accountSid")
        authToken = try config.required("authToken")
        from = try config.required("from")
        do {
            baseURL = try HTTPSyntax.url(config.optional("baseURL") ?? Self.defaultBaseURL)
        } catch {
            throw .permanent("[twilio] baseURL \(error.reason)")
        }
    }

    /// The account SID and auth token, as Twilio's basic auth.
    var credentials: Credentials { Credentials(username: accountSID, password: authToken) }

    /// "Twilio at https://api.twilio.com", for messages.
    var target: String { "Twilio at \(baseURL.redacted)" }

    /// `{baseURL}/2010-04-01/Accounts/{sid}/{resource}.json`.
    func endpoint(_ resource: String) -> String {
        var base = baseURL.text
        while base.hasSuffix("/") { base.removeLast() }
        return "\(base)/2010-04-01/Accounts/\(FormField.escape(accountSID))/\(resource).json"
    }
}

import PluginKit

/// The two HTTP contact types: the same fields, sent two ways.
enum WebhookStyle: String, CaseIterable, Sendable {
    /// gobearmon's `http`: a form POST to the URL.
    case form = "http"
    /// `webhook`: JSON, or a body rendered from the contact's template.
    case json = "webhook"

    /// How long a receiver may take unless the data says otherwise.
    static let defaultTimeoutSeconds: Int64 = 10
    /// The longest a delivery may take; `timeout` cannot go past it.
    static let maxTimeoutSeconds: Int64 = 15

    var summary: String {
        switch self {
        case .form: "POSTs the notification as a form to a URL, again at each redirect, as gobearmon's http contact does"
        case .json: "POSTs the notification as JSON, or as a body rendered from a template, to a URL"
        }
    }

    var params: [ParamSpec] {
        let url = ParamSpec("url", .string, "the receiver's URL, http:// or https://", required: true, primary: true)
        let timeout = ParamSpec("timeout", .int, default: "\(Self.defaultTimeoutSeconds)", "seconds the receiver has to answer, 1 to \(Self.maxTimeoutSeconds)")
        switch self {
        case .form:
            return [url, timeout]
        case .json:
            return [
                url,
                ParamSpec("method", .string, default: "\"POST\"", "the request method"),
                ParamSpec("headers", .map, "extra request headers, such as Authorization (masked wherever data is shown)", secret: true),
                ParamSpec("body_template", .string, "the body to send instead of the JSON fields; {{field}} takes a field's value, escaped for the Content-Type (masked wherever data is shown)", secret: true),
                timeout,
            ]
        }
    }
}

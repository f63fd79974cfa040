import ContactKit
import CurlKit
import PluginKit

/// The `http` and `webhook` contact types: one request per notification, carrying the
/// fields of ``WebhookFields``. A 2xx is delivered (for `http`, after following redirects,
/// each of which gets the form again); a 4xx is permanent; a 5xx, a timeout or a broken
/// connection is retried. The receiver's time is bounded by `timeout`, so a slow
/// one costs only its own delivery.
struct WebhookContact: ContactType {
    /// The most of a reply that is read, for the excerpt in an error.
    static let replyCap = 16 * 1024

    let style: WebhookStyle
    var name: String { style.rawValue }
    var summary: String { style.summary }
    var params: [ParamSpec] { style.params }
    let maxRunMilliseconds = UInt32(WebhookStyle.maxTimeoutSeconds * 1000)

    init(_ style: WebhookStyle) { self.style = style }

    func validate(_ call: Call) {
        for problem in WebhookParams(call).problems { call.reject(problem.param, problem.reason) }
    }

    func deliver(_ notification: Notification, _ call: Call) -> ContactOutcome {
        do throws(ContactFailure) {
            let params = WebhookParams(call)
            let url = try params.usableURL()
            let fields = WebhookFields(notification)
            var request = CurlRequest(url: url.text, deadline: call.transferDeadline(seconds: params.timeoutSeconds))
            request.method = params.method
            request.headers = params.headers
            // gobearmon's http contact follows redirects and re-posts its form to the new URL
            // (curl's CURL_REDIR_POST_ALL); a webhook's receiver is expected to be named exactly.
            request.followRedirects = style == .form
            request.postOnRedirect = true
            request.bodyCap = Self.replyCap
            switch (style, params.template) {
            case (.form, _): request.body = .form(fields.form)
            case (.json, nil): request.body = .json(fields.json)
            case (.json, let template?): request.body = template.body(fields, headers: &request.headers)
            }
            let target = url.host
            let response = try ContactTransfer.perform(request, for: call, target: target)
            guard ContactTransfer.httpAccepted(response.status) else {
                let excerpt = response.excerpt
                throw ContactTransfer.httpFailure(status: response.status, detail: "HTTP \(response.status) from \(target)" + (excerpt.isEmpty ? "" : ": \(excerpt)"))
            }
            return .delivered()
        } catch {
            return error.outcome
        }
    }
}

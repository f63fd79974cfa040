import ContactKit
import CurlKit
import PluginKit

/// A webhook contact's data, checked beyond what the host's type checks cover: a URL curl
/// can use, a method and headers HTTP allows, a template whose fields exist, a timeout
/// within the type's limit. `validate` and `deliver` both read it through here.
struct WebhookParams {
    /// One thing wrong with the data.
    struct Problem {
        let param: String
        let reason: String
    }

    /// The URL, or nil when it is missing or unusable (see ``problems``).
    let url: CurlURL?
    let method: String
    let headers: [CurlRequest.Header]
    let template: BodyTemplate?
    let timeoutSeconds: Int64
    /// Everything wrong with the data, in parameter order.
    let problems: [Problem]

    init(_ call: Call) {
        var problems: [Problem] = []
        func reject(_ param: String, _ reason: String?) { if let reason { problems.append(Problem(param: param, reason: reason)) } }
        var url: CurlURL?
        if let text = call.string("url") {
            do { url = try HTTPSyntax.url(text) } catch { reject("url", error.reason) }
        } else {
            reject("url", "is required")
        }
        self.url = url
        method = call.string("method") ?? "POST"
        reject("method", HTTPSyntax.problem(method: method))
        headers = call.map("headers").map { CurlRequest.Header($0.key, $0.value) }
        for header in headers { reject("headers", HTTPSyntax.problem(header: header)) }
        template = call.string("body_template").map(BodyTemplate.init)
        reject("body_template", template?.problem)
        timeoutSeconds = call.int("timeout") ?? WebhookStyle.defaultTimeoutSeconds
        if !(1...WebhookStyle.maxTimeoutSeconds).contains(timeoutSeconds) {
            reject("timeout", "\(timeoutSeconds) is not from 1 to \(WebhookStyle.maxTimeoutSeconds) seconds")
        }
        self.problems = problems
    }

    /// The URL to send to; data with any problem is a permanent failure, since the same data
    /// fails again.
    func usableURL() throws(ContactFailure) -> CurlURL {
        guard problems.isEmpty, let url else {
            let first = problems.first.map { "parameter '\($0.param)': \($0.reason)" } ?? "parameter 'url' is not set"
            throw .permanent(first)
        }
        return url
    }
}

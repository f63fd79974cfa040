import BearmonSystem
import CurlKit
import PluginKit

/// An http check's data, read from a call and checked beyond what the host's type checks
/// cover: a URL curl can parse, a method and header names that are HTTP tokens, no line
/// breaks in header values. `validate` and `run` both read params through here.
struct HTTPCheckParams {
    let url: CurlURL
    let method: String?
    let body: String
    let headers: [CurlRequest.Header]
    let timeoutSeconds: Int64
    let insecure: Bool
    let credentials: Credentials?
    let expectStatus: Int
    let expectSubstring: String
    let followRedirects: Bool

    init(_ call: Call) throws(HTTPParamError) {
        var problems: [HTTPParamError.Problem] = []
        func reject(_ param: String, _ reason: String) { problems.append(.init(param: param, reason: reason)) }

        var parsed: CurlURL?
        if let text = call.string("url") {
            do { parsed = try HTTPSyntax.url(text) } catch { reject("url", error.reason) }
        } else {
            reject("url", "is required")
        }
        method = call.string("method").flatMap { $0.isEmpty ? nil : $0 }
        if let problem = method.flatMap(HTTPSyntax.problem(method:)) { reject("method", problem) }
        headers = call.map("headers").map { CurlRequest.Header($0.key, $0.value) }
        for problem in headers.compactMap(HTTPSyntax.problem(header:)) { reject("headers", problem) }
        expectStatus = Int(call.int("expect_status") ?? 0)
        if expectStatus != 0, !(100...999).contains(expectStatus) { reject("expect_status", "\(expectStatus) is not a status code (100-999, or 0 for any)") }

        body = call.string("body") ?? ""
        timeoutSeconds = call.timeoutSeconds(fallback: HTTPCheck.defaultTimeoutSeconds, clampedTo: HTTPCheck.timeoutRange)
        insecure = call.bool("insecure") ?? false
        let username = call.string("username") ?? "", password = call.string("password") ?? ""
        credentials = username.isEmpty && password.isEmpty ? nil : Credentials(username: username, password: password)
        expectSubstring = call.string("expect_substring") ?? ""
        followRedirects = call.bool("follow_redirects") ?? true

        guard problems.isEmpty, let parsed else { throw HTTPParamError(problems: problems) }
        url = parsed
    }

    /// The request this check sends, to be over by `deadline`.
    func request(deadline: Deadline) -> CurlRequest {
        var request = CurlRequest(url: url.text, deadline: deadline)
        request.method = method
        request.body = body.isEmpty ? .none : .bytes(Array(body.utf8))
        request.headers = headers
        request.credentials = credentials
        request.insecure = insecure
        request.followRedirects = followRedirects
        // Without a substring to look for, the status is all that matters: stop at the body.
        request.bodyCap = expectSubstring.isEmpty ? 0 : HTTPCheck.bodyCap
        return request
    }
}

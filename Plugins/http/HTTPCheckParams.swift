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
            parsed = Self.parseURL(text, reject: { reject("url", $0) })
        } else {
            reject("url", "is required")
        }
        method = call.string("method").flatMap { $0.isEmpty ? nil : $0 }
        if let method, !Self.isToken(method) { reject("method", "'\(method)' is not an HTTP method") }
        headers = call.map("headers").map { CurlRequest.Header($0.key, $0.value) }
        for header in headers {
            if !Self.isToken(header.name) { reject("headers", "'\(header.name)' is not a header name") }
            // Bytes, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
            if header.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) { reject("headers", "the value of '\(header.name)' contains a line break") }
        }
        expectStatus = Int(call.int("expect_status") ?? 0)
        if expectStatus != 0, !(100...999).contains(expectStatus) { reject("expect_status", "\(expectStatus) is not a status code (100-999, or 0 for any)") }

        body = call.string("body") ?? ""
        timeoutSeconds = min(max(call.int("timeout") ?? HTTPCheck.defaultTimeoutSeconds, HTTPCheck.timeoutRange.lowerBound), HTTPCheck.timeoutRange.upperBound)
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

    private static func parseURL(_ text: String, reject: (String) -> Void) -> CurlURL? {
        do {
            let url = try CurlURL(parsing: text)
            guard url.scheme == "http" || url.scheme == "https" else {
                reject("the scheme must be http or https, not '\(url.scheme)'")
                return nil
            }
            return url
        } catch {
            // The text itself is not repeated: it may hold a password.
            reject("is not a URL curl can use: \(error.reason)")
            return nil
        }
    }

    /// RFC 9110's token: what a method or a header name may be made of.
    private static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}

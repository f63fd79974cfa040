import BearmonSystem
import CurlKit
import PluginKit

/// gobearmon's HTTP check: any response is online unless `expect_status` or
/// `expect_substring` says otherwise; a transport error, a timeout or a mismatch is offline.
struct HTTPCheck: CheckType {
    /// The most body bytes read when looking for `expect_substring`.
    static let bodyCap = 1 << 20
    /// gobearmon's timeout: 10 s when 0 or absent; others are clamped to 3..30 s.
    static let defaultTimeoutSeconds: Int64 = 10
    /// The range `timeout` is clamped to.
    static let timeoutRange: ClosedRange<Int64> = 3...30

    let name = "http"
    let summary = "Requests a URL; checks the status code and a substring of the body"
    let maxRunMilliseconds = UInt32(timeoutRange.upperBound * 1000)
    let params = [
        ParamSpec("url", .string, "the URL to request, http:// or https://", required: true),
        ParamSpec("method", .string, "request method; GET, or POST when body is set"),
        ParamSpec("body", .string, "request body, sent as it is, with no Content-Type unless headers give one (masked wherever data is shown)", secret: true),
        ParamSpec("headers", .map, "extra request headers, such as Authorization; a Host header sets the request's Host (masked wherever data is shown)", secret: true),
        ParamSpec("timeout", .int, default: "\(defaultTimeoutSeconds)", "seconds for the whole check; 0 means 10, as in gobearmon; others are clamped to 3..30"),
        ParamSpec("insecure", .bool, default: "false", "skip TLS certificate and host name verification"),
        ParamSpec("username", .string, "user name for HTTP basic auth"),
        ParamSpec("password", .string, "password for HTTP basic auth", secret: true),
        ParamSpec("expect_status", .int, default: "0", "status code the response must have (0: any)"),
        ParamSpec("expect_substring", .string, "text that must appear in the first \(bodyCap) bytes of the body"),
        ParamSpec("follow_redirects", .bool, default: "true", "follow up to 10 redirects, as Go's client does"),
    ]

    func validate(_ call: Call) {
        do {
            _ = try HTTPCheckParams(call)
        } catch {
            for problem in error.problems { call.reject(problem.param, problem.reason) }
        }
    }

    func run(_ call: Call) -> CheckOutcome {
        let params: HTTPCheckParams
        do { params = try HTTPCheckParams(call) } catch { return .fail("http: \(error)") }
        let deadline = Deadline.earliest(call.deadline, .after(milliseconds: params.timeoutSeconds * 1000))
        var request = params.request(deadline: deadline)
        request.egressPolicy = call.egress
        let started = Deadline.now()
        let transfer: CurlTransfer
        do {
            transfer = try CurlTransfer(request, parsed: params.url)
        } catch {
            return .fail("http: could not set up the request: \(error)")
        }
        do {
            let response = try transfer.perform()
            report(response.timings, to: call)
            return HTTPVerdict(params: params, method: request.effectiveMethod, response: response).outcome
        } catch {
            report(transfer.timings, to: call)
            let elapsed = Deadline.now().milliseconds(since: started) / 1000
            let message = HTTPFailure(params: params, method: request.effectiveMethod, error: error, timings: transfer.timings, elapsedSeconds: elapsed).message
            // A refused address is the operator's rule, not the target's state: it cannot be judged.
            return error.egressRefusal == nil ? .offline(message) : .fail(message)
        }
    }

    /// Total latency and the phases curl timed. A phase that did not happen is not reported.
    private func report(_ timings: CurlTimings, to call: Call) {
        call.metric("total_ms", timings.total, unit: "ms")
        if timings.connect > 0 { call.metric("connect_ms", timings.connect, unit: "ms") }
        if let tls = timings.tlsMilliseconds { call.metric("tls_ms", tls, unit: "ms") }
        if timings.firstByte > 0 { call.metric("first_byte_ms", timings.firstByte, unit: "ms") }
    }
}

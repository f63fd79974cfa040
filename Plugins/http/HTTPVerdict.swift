import CurlKit
import PluginKit

/// Judges a response the way gobearmon does: the status first, then the substring.
struct HTTPVerdict {
    let params: HTTPCheckParams
    /// The method the request went out with.
    let method: String
    let response: CurlResponse

    var outcome: CheckOutcome {
        if params.expectStatus != 0, response.status != params.expectStatus {
            return .offline("status mismatch, got \(response.status) but expected \(params.expectStatus)")
        }
        if !params.expectSubstring.isEmpty {
            guard response.body.firstRange(of: Array(params.expectSubstring.utf8)) != nil else {
                let scope = response.truncated
                    ? "the first \(response.body.count) bytes"
                    : "the body (\(response.body.count) bytes)"
                return .offline("substring \(quoted(params.expectSubstring)) not found in \(scope)")
            }
        }
        return .online(summary)
    }

    /// "GET http://example.com/ answered 200 after 2 redirects; body contains "Welcome"".
    private var summary: String {
        var text = "\(method) \(params.url.redacted) answered \(response.status)"
        if response.redirectCount > 0 {
            text += " after \(response.redirectCount) redirect\(response.redirectCount == 1 ? "" : "s")"
        }
        if !params.expectSubstring.isEmpty { text += "; body contains \(quoted(params.expectSubstring))" }
        return text
    }

    private func quoted(_ text: String) -> String {
        "\"\(text.count > 80 ? String(text.prefix(80)) + "..." : text)\""
    }
}

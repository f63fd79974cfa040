import CurlKit
import Foundation

/// Words a failed transfer for an offline message: a timeout says how long it waited and in
/// which phase; anything else gives curl's most specific reason. The URL is always shown
/// without its password.
struct HTTPFailure {
    let params: HTTPCheckParams
    /// The method the request went out with.
    let method: String
    let error: CurlError
    let timings: CurlTimings
    let elapsedSeconds: Double

    var message: String {
        let target = "\(method) \(params.url.redacted)"
        guard error.isTimeout else { return "\(target) failed: \(error.message)" }
        return "timed out after \(String(format: "%.1f", elapsedSeconds))s \(phase) (\(target))"
    }

    /// Where the transfer stood when time ran out, from how far curl's timings got.
    private var phase: String {
        if timings.connect == 0 { return "connecting to \(params.url.host)" }
        if params.url.scheme == "https", timings.tlsHandshake == 0 { return "in the TLS handshake with \(params.url.host)" }
        if timings.firstByte == 0 { return "waiting for the response" }
        return "reading the body"
    }
}

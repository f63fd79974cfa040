import ContactKit
import CurlKit
import Foundation

/// What Twilio answered: the created resource's sid, or its error JSON
/// (`{"code": 21211, "message": "...", "more_info": "...", "status": 400}`).
struct TwilioReply {
    let status: Int
    let sid: String?
    let code: Int?
    let message: String?
    /// The body's start, for replies that are not Twilio's JSON (a proxy's error page).
    let excerpt: String

    init(_ response: CurlResponse) {
        status = response.status
        excerpt = response.excerpt
        let object = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
        sid = (object["sid"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        code = (object["code"] as? NSNumber)?.intValue
        message = object["message"] as? String
    }

    /// "Twilio error 21211: The 'To' number is not valid (HTTP 400)", or the status and an
    /// excerpt when the body is not Twilio's error JSON.
    func error(from target: String) -> String {
        if let message {
            let code = self.code.map { " \($0)" } ?? ""
            return "Twilio error\(code): \(message) (HTTP \(status))"
        }
        return "HTTP \(status) from \(target)" + (excerpt.isEmpty ? "" : ": \(excerpt)")
    }
}

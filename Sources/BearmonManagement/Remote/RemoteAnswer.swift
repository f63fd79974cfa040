import BearmonCore
import CurlKit
import Foundation

/// What a node answered to one API request.
struct RemoteAnswer: Sendable {
    /// The HTTP status.
    let status: Int
    /// The body, at most ``RemoteCatalog/answerCap`` bytes.
    let body: [UInt8]
    /// Whether the body went on past the cap.
    let truncated: Bool
    /// The Content-Type header, or nil.
    let contentType: String?
    /// The start of the body as one line, for messages.
    let excerpt: String

    /// The answer of a finished transfer.
    init(_ response: CurlResponse, contentType: String?) {
        status = response.status
        body = response.body
        truncated = response.truncated
        self.contentType = contentType
        excerpt = response.excerpt
    }

    /// The message of a bearmon refusal, `{"error": "..."}`, or nil when the body is not one.
    var errorMessage: String? {
        guard case .object(let fields)? = try? JSONDecoder().decode(JSONValue.self, from: Data(body)),
              case .string(let message)? = fields["error"], !message.isEmpty else { return nil }
        return message
    }
}

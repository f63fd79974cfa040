import BearmonCore
import Foundation

extension NodeHTTP {
    /// Why a node refused: the `error` of its `{"error": "..."}` answer, or the start of
    /// whatever else it sent.
    static func refusal(in body: Data) -> String {
        if case .object(let fields)? = try? JSONDecoder().decode(JSONValue.self, from: body), case .string(let error)? = fields["error"] {
            return error
        }
        return String(decoding: body.prefix(500), as: UTF8.self)
    }
}

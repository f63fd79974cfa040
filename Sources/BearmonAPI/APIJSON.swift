import Foundation
import Hummingbird
import BearmonServer

/// How the API writes JSON: the resources' own snake_case keys, sorted, so equal values read the same.
enum APIJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// A response carrying `value`.
    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        try JSONResponse.make(value, encoder: encoder, status: status)
    }
}

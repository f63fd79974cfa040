import Foundation
import Hummingbird

/// JSON in and out of bearmon's HTTP API: snake_case keys, sorted, so that answers are stable.
enum WireJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }()

    /// A response carrying `value` as JSON.
    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try encoder.encode(value)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A JSON error body: `{"error": "..."}`.
    static func error(_ message: String, status: HTTPResponse.Status) -> Response {
        (try? response(["error": message], status: status)) ?? Response(status: status)
    }
}

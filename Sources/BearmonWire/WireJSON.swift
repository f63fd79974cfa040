package import Foundation

/// JSON in and out of bearmon's node-to-node wire and HTTP API: snake_case keys, sorted, so
/// that answers are stable.
package enum WireJSON {
    /// The encoder every node-to-node message and API answer goes through.
    package static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The decoder for the same.
    package static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }()
}

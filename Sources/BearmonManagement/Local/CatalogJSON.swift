package import Foundation

/// How resources are written and read as JSON everywhere (API, CLI `--json`, remote client):
/// sorted keys and unescaped slashes, so equal values print the same.
package enum CatalogJSON {
    /// The encoder.
    package static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The decoder.
    package static var decoder: JSONDecoder { JSONDecoder() }
}

import PluginKit

/// Why a delivery did not happen, and whether trying again can help: the one error type the
/// contact plugins throw, so every failure reaches `deliver`'s caller the same way.
package struct ContactFailure: Error, Sendable, CustomStringConvertible {
    /// The outcome to report: `retry` or `permanent`, with the error text.
    package let outcome: ContactOutcome

    /// A transient failure (a refused connection, a timeout, a 5xx): the host retries.
    package static func retry(_ error: String) -> ContactFailure { ContactFailure(outcome: .retry(error)) }
    /// A failure retrying cannot cure (bad configuration, a rejected login, a 4xx).
    package static func permanent(_ error: String) -> ContactFailure { ContactFailure(outcome: .permanent(error)) }

    /// The error text.
    package var description: String { outcome.error }
}

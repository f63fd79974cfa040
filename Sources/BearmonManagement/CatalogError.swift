/// Why a management call was refused, with the HTTP status the API answers it with and one
/// message that names the item and the fix. The CLI prints the message; the API sends
/// `{"error": message}`; the remote client turns such an answer back into this error.
package struct CatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of refusal, as an HTTP status.
    package enum Kind: Int, Sendable {
        /// Bad input: the message names the field.
        case invalid = 400
        /// No token, or one that does not exist (revoked).
        case unauthorized = 401
        /// A token whose scope does not allow the request.
        case forbidden = 403
        /// The item does not exist.
        case notFound = 404
        /// The write clashes with what is stored (a name already taken).
        case conflict = 409
        /// The store cannot be reached.
        case unavailable = 503
    }

    /// The kind.
    package let kind: Kind
    /// The message.
    package let message: String

    /// A refusal.
    package init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    package var description: String { message }
}

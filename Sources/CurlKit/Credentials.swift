/// A user name and password for a transfer: HTTP basic auth, or an SMTP login.
///
/// Its description never shows the password, so a request can be logged or put in a message
/// without leaking it.
public struct Credentials: Sendable, Equatable, CustomStringConvertible {
    /// The user name.
    public var username: String
    /// The password; never printed.
    public var password: String

    /// Credentials for `username` with `password`.
    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    /// "alice:***".
    public var description: String { "\(username):***" }
}

/// A user name and password for a transfer: HTTP basic auth, or an SMTP login.
///
/// Its description never shows the password, so a request can be logged or put in a message
/// without leaking it.
package struct Credentials: Sendable, Equatable, CustomStringConvertible {
    /// The user name.
    package var username: String
    /// The password; never printed.
    package var password: String

    /// Credentials for `username` with `password`.
    package init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    /// "alice:***".
    package var description: String { "\(username):***" }
}

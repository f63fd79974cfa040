import CCurl

/// Whether a mail transfer upgrades its plain connection to TLS (CURLOPT_USE_SSL).
package enum StartTLS: Sendable, Equatable {
    /// Never: the whole session, login included, goes in clear.
    case never
    /// When the server offers STARTTLS; in clear when it does not.
    case ifOffered
    /// Always: a server that does not offer STARTTLS fails the transfer with
    /// CURLE_USE_SSL_FAILED before anything else is sent, the login above all.
    case required

    /// The CURLOPT_USE_SSL value.
    var curlValue: Int {
        switch self {
        case .never: Int(CURLUSESSL_NONE.rawValue)
        case .ifOffered: Int(CURLUSESSL_TRY.rawValue)
        case .required: Int(CURLUSESSL_ALL.rawValue)
        }
    }
}

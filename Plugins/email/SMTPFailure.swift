import ContactKit
import CCurl
import CurlKit

/// Sorts a failed SMTP submission into `permanent` and `retry`, in words an operator can act
/// on. Nil means it is an ordinary network failure, which ``ContactTransfer`` words itself.
struct SMTPFailure {
    let settings: SMTPSettings
    let error: CurlError
    /// The server's last reply code, which curl keeps after a refused command.
    let replyCode: Int

    /// " (reply 535)", or "" before the server said anything.
    private var reply: String { replyCode > 0 ? " (reply \(replyCode))" : "" }

    var refined: ContactFailure? {
        let server = settings.server
        switch true {
        case error.is(CURLE_LOGIN_DENIED):
            return .permanent("\(server) rejected the login for user \(settings.credentials?.username ?? "(none)"): \(error.message)\(reply)")
        case error.is(CURLE_AUTH_ERROR):
            return .permanent("\(server) offers no login method bearmon can use: \(error.message)")
        case error.is(CURLE_USE_SSL_FAILED):
            return .permanent("\(server) does not offer STARTTLS, and the login must not go in clear (set [smtp] insecure = true to allow it)")
        case error.is(CURLE_PEER_FAILED_VERIFICATION):
            return .permanent("the certificate of \(server) is not trusted: \(error.message) (set [smtp] cacert to the CA that signed it)")
        case error.is(CURLE_SSL_CACERT_BADFILE):
            return .permanent("[smtp] cacert cannot be used: \(error.message)")
        case (500...599).contains(replyCode):
            return .permanent("\(server) refused the message: \(error.message)")
        case (400...499).contains(replyCode):
            return .retry("\(server) deferred the message: \(error.message)")
        default:
            return nil
        }
    }
}

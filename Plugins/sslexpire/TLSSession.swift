import BearmonSystem
import COpenSSL
import Foundation

/// A TLS client session over a connected non-blocking ``Socket``, for reading the server's
/// certificate. The socket keeps the descriptor: OpenSSL's socket BIO never closes it.
final class TLSSession {
    private let raw: OpaquePointer
    private let socket: Socket

    /// A session on `socket` that sends `serverName` as SNI when given.
    init(context: TLSContext, socket: Socket, serverName: String?) throws(TLSError) {
        guard let ssl = SSL_new(context.raw) else { throw TLSError.fromQueue(fallback: "SSL_new failed") }
        raw = ssl
        self.socket = socket
        guard SSL_set_fd(ssl, socket.fd) == 1 else { throw TLSError.fromQueue(fallback: "SSL_set_fd failed") }
        if let serverName, bm_SSL_set_tlsext_host_name(ssl, serverName) != 1 {
            throw TLSError.fromQueue(fallback: "the name '\(serverName)' cannot be sent as SNI")
        }
    }

    deinit { SSL_free(raw) }

    /// Runs the handshake, waiting on the socket whenever OpenSSL needs to read or write, and
    /// gives up when `deadline` passes.
    func handshake(deadline: Deadline) throws(TLSError) {
        let started = Deadline.now()
        ERR_clear_error()
        while true {
            let rc = SSL_connect(raw)
            if rc == 1 { return }
            let events: Int16
            switch SSL_get_error(raw, rc) {
            case SSL_ERROR_WANT_READ: events = Int16(POLLIN)
            case SSL_ERROR_WANT_WRITE: events = Int16(POLLOUT)
            case SSL_ERROR_SYSCALL where errno != 0:
                let reason = SystemError(function: "SSL_connect", errno: errno).reason
                throw TLSError.fromQueue(fallback: reason)
            case SSL_ERROR_SYSCALL, SSL_ERROR_ZERO_RETURN:
                throw TLSError.fromQueue(fallback: "the server closed the connection")
            default:
                throw TLSError.fromQueue(fallback: "SSL_connect failed")
            }
            do {
                try socket.wait(for: events, until: deadline, operation: "TLS handshake")
            } catch {
                let waited = Deadline.now().milliseconds(since: started) / 1000
                throw TLSError(reason: "no handshake reply, timed out after \(String(format: "%.1f", waited))s")
            }
        }
    }

    /// The server's leaf certificate, or nil when it sent none.
    func peerCertificate() -> PeerCertificate? {
        SSL_get1_peer_certificate(raw).map(PeerCertificate.init)
    }
}

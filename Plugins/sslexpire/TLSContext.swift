import COpenSSL

/// The one client SSL_CTX every ssl_expire check shares (OpenSSL allows SSL_new on one
/// context from many threads).
///
/// It verifies nothing and accepts every protocol version and key size the library has: the
/// check must read an expired, self-signed or weak certificate to report on it, and a
/// handshake never carries anything secret here.
final class TLSContext: @unchecked Sendable {
    /// The context, or why it could not be made; built once, on first use.
    static let shared: Result<TLSContext, TLSError> = Result { () throws(TLSError) in try TLSContext() }

    /// The `SSL_CTX *`; lives for the life of the process, as plugins are never unloaded.
    let raw: OpaquePointer

    private init() throws(TLSError) {
        guard OPENSSL_init_ssl(0, nil) == 1, let context = SSL_CTX_new(TLS_client_method()) else {
            throw TLSError.fromQueue(fallback: "SSL_CTX_new failed")
        }
        SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nil)
        SSL_CTX_set_security_level(context, 0)
        guard bm_SSL_CTX_set_min_proto_version(context, 0) == 1 else {
            SSL_CTX_free(context)
            throw TLSError.fromQueue(fallback: "SSL_CTX_set_min_proto_version failed")
        }
        raw = context
    }
}

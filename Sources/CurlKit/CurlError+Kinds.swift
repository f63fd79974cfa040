import CCurl

extension CurlError {
    /// Whether the TLS handshake or the certificate check failed (an untrusted or expired
    /// certificate, a name mismatch, TLS spoken to a plain-HTTP port, a CA file curl cannot read).
    package var isTLSFailure: Bool {
        [CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
         CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
         CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT].contains { self.is($0) }
    }

    /// Whether no connection could be made (refused, unreachable, or forbidden by an egress rule).
    package var isConnectFailure: Bool { self.is(CURLE_COULDNT_CONNECT) }

    /// Whether the host name did not resolve.
    package var isResolveFailure: Bool { self.is(CURLE_COULDNT_RESOLVE_HOST) }

    /// Whether the peer answered with something that is not HTTP, or with nothing at all
    /// (plain HTTP spoken to a TLS port gets this).
    package var isNotHTTP: Bool {
        [CURLE_WEIRD_SERVER_REPLY, CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_HTTP2, CURLE_UNSUPPORTED_PROTOCOL].contains { self.is($0) }
    }
}

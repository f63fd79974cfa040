/*
 * shim.h - libssl for Swift.
 *
 * Some of OpenSSL's API is macros over SSL_ctrl / SSL_CTX_ctrl, which Swift cannot import.
 * Each wrapper below gives one of them a typed function.
 */
#ifndef BEARMON_COPENSSL_SHIM_H
#define BEARMON_COPENSSL_SHIM_H

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

/* Sends SNI: the name of the host the client means to reach. Returns 1 on success. */
static inline int bm_SSL_set_tlsext_host_name(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}

/* The lowest protocol version the context will negotiate; 0 means the lowest the library
 * supports. Returns 1 on success. */
static inline int bm_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_min_proto_version(ctx, version);
}

/* Frees memory OpenSSL allocated for the caller (ASN1_STRING_to_UTF8's output...). */
static inline void bm_OPENSSL_free(void *pointer) {
    OPENSSL_free(pointer);
}

#endif /* BEARMON_COPENSSL_SHIM_H */

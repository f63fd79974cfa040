/*
 * shim.h - libssl for Swift.
 *
 * Some of OpenSSL's API is macros over SSL_ctrl / SSL_CTX_ctrl, which Swift cannot import.
 * Each wrapper below gives one of them a typed function.
 */
#ifndef BEARMON_COPENSSL_SHIM_H
#define BEARMON_COPENSSL_SHIM_H

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
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

/* HMAC-SHA256 of `data` under `key` into `out` (32 bytes), through OpenSSL 3's one-shot
 * EVP_Q_mac, which Swift cannot call with its NULL-defaulted arguments comfortably.
 * Returns 1 on success. */
static inline int bm_hmac_sha256(const void *key, size_t key_length, const void *data, size_t data_length,
                                 unsigned char out[32]) {
    size_t written = 0;
    return EVP_Q_mac(NULL, "HMAC", NULL, "SHA256", NULL, key, key_length, data, data_length, out, 32, &written) != NULL
        && written == 32;
}

/* SHA-256 of `data_length` bytes at `data` into `out`: 1 on success. */
static inline int bm_sha256(const void *data, size_t data_length, unsigned char out[32]) {
    size_t written = 0;
    return EVP_Q_digest(NULL, "SHA256", NULL, data, data_length, out, &written) == 1 && written == 32;
}

/* Constant-time comparison: 1 when the `length` bytes at `a` and `b` are equal. */
static inline int bm_equal_consttime(const void *a, const void *b, size_t length) {
    return CRYPTO_memcmp(a, b, length) == 0;
}

#endif /* BEARMON_COPENSSL_SHIM_H */

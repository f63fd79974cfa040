/*
 * shim.h - libcurl for Swift.
 *
 * Swift cannot call C variadic functions, and curl_easy_setopt / curl_easy_getinfo take their
 * value through "...". Each wrapper below fixes the value's type, so a Swift caller picks the
 * one matching the option's documented type (long, string, pointer, curl_off_t, callback).
 */
#ifndef BEARMON_CCURL_SHIM_H
#define BEARMON_CCURL_SHIM_H

#include <curl/curl.h>

/* ---- Constants whose macros Swift can't import (they contain casts) ------------------- */

/* CURLOPT_HTTPAUTH value for HTTP basic authentication. */
static const long bm_CURLAUTH_BASIC = (long)CURLAUTH_BASIC;

/* ---- curl_easy_setopt ----------------------------------------------------------------- */

/* Options of type long (CURLOPT_NOSIGNAL, CURLOPT_TIMEOUT_MS, CURLOPT_FOLLOWLOCATION...). */
static inline CURLcode bm_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/* Options of type char * (CURLOPT_URL, CURLOPT_USERAGENT...); curl copies the string. */
static inline CURLcode bm_curl_setopt_str(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/* Options of any other pointer type (CURLOPT_WRITEDATA, CURLOPT_HTTPHEADER's curl_slist *,
 * CURLOPT_ERRORBUFFER). The caller keeps the pointee alive while the handle uses it. */
static inline CURLcode bm_curl_setopt_ptr(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

/* Options of type curl_off_t (CURLOPT_POSTFIELDSIZE_LARGE, CURLOPT_INFILESIZE_LARGE...). */
static inline CURLcode bm_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/* Callback options shaped like curl_write_callback (CURLOPT_WRITEFUNCTION, _HEADERFUNCTION). */
static inline CURLcode bm_curl_setopt_write_func(CURL *handle, CURLoption option, curl_write_callback value) {
    return curl_easy_setopt(handle, option, value);
}

/* Callback options shaped like curl_read_callback (CURLOPT_READFUNCTION), for uploads. */
static inline CURLcode bm_curl_setopt_read_func(CURL *handle, CURLoption option, curl_read_callback value) {
    return curl_easy_setopt(handle, option, value);
}

/* CURLOPT_OPENSOCKETFUNCTION, which CurlKit uses to judge each address before a socket is
 * opened for it. */
static inline CURLcode bm_curl_setopt_opensocket_func(CURL *handle, curl_opensocket_callback value) {
    return curl_easy_setopt(handle, CURLOPT_OPENSOCKETFUNCTION, value);
}

/* CURLOPT_XFERINFOFUNCTION, which CurlKit uses to abort a transfer its caller cancelled. */
static inline CURLcode bm_curl_setopt_xferinfo_func(CURL *handle, curl_xferinfo_callback value) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, value);
}

/* The address inside a curl_sockaddr: `addr` is declared as a struct sockaddr but holds
 * addrlen bytes (a sockaddr_in6 for IPv6), more than Swift would copy out of the field. */
static inline const struct sockaddr *bm_curl_sockaddr_address(const struct curl_sockaddr *address) {
    return &address->addr;
}

/* ---- curl_easy_getinfo ---------------------------------------------------------------- */

/* CURLINFO_LONG items (CURLINFO_RESPONSE_CODE, CURLINFO_REDIRECT_COUNT...). */
static inline CURLcode bm_curl_getinfo_long(CURL *handle, CURLINFO info, long *out) {
    return curl_easy_getinfo(handle, info, out);
}

/* CURLINFO_DOUBLE items. */
static inline CURLcode bm_curl_getinfo_double(CURL *handle, CURLINFO info, double *out) {
    return curl_easy_getinfo(handle, info, out);
}

/* CURLINFO_OFF_T items (the *_TIME_T timings in microseconds, sizes). */
static inline CURLcode bm_curl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *out) {
    return curl_easy_getinfo(handle, info, out);
}

/* CURLINFO_STRING items (CURLINFO_EFFECTIVE_URL...); the string belongs to the handle. */
static inline CURLcode bm_curl_getinfo_str(CURL *handle, CURLINFO info, const char **out) {
    return curl_easy_getinfo(handle, info, out);
}

/* The running libcurl's version record; CURLVERSION_NOW is a macro Swift cannot see.
   The record is libcurl's static data: never freed, safe from any thread. */
static inline const curl_version_info_data *bm_curl_version_info(void) {
    return curl_version_info(CURLVERSION_NOW);
}

#endif /* BEARMON_CCURL_SHIM_H */

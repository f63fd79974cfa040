/*
 * shim.h - what the dns plugin needs from ldns, in a form Swift can import.
 *
 * ldns's API is plain functions, which Swift imports as they are; only its macros need help.
 * Each wrapper below is typed so that Swift sees the right integer widths and ownership.
 */
#ifndef BEARMON_CLDNS_SHIM_H
#define BEARMON_CLDNS_SHIM_H

#include <stdbool.h> /* first: without it ldns/common.h makes bool a signed char */
#include <stdint.h>
#include <stdlib.h>
#include <ldns/ldns.h>

/* The header flags a stub query carries: RD (recursion desired), as dig and gobearmon's
 * miekg/dns send it, so that a recursive resolver answers names outside its own zones.
 * LDNS_RD is an untyped macro; ldns_pkt_query_new takes a uint16_t. */
static inline uint16_t cldns_query_flags(void) { return (uint16_t)LDNS_RD; }

/* Frees a string or buffer that ldns allocated (ldns_rr2str, ldns_rdf2str, ldns_pkt2wire).
 * LDNS_FREE is a statement macro, which Swift cannot call. */
static inline void cldns_free(void *pointer) { free(pointer); }

/* The largest DNS message, which bounds a TCP answer's length prefix (RFC 1035 4.2.2). */
static inline uint32_t cldns_max_message_size(void) { return (uint32_t)LDNS_MAX_PACKETLEN; }

#endif /* BEARMON_CLDNS_SHIM_H */

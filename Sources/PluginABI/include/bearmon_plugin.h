/*
 * bearmon_plugin.h - the bearmon plugin ABI, version 1.
 *
 * This header is the whole contract between the bearmon host and its plugins. A plugin is a
 * shared object that exports exactly one function, bearmon_plugin_entry_v1(), and registers
 * one or more check or contact types through the module descriptor it returns. A plugin needs
 * nothing else from bearmon: build it with `cc -shared -fPIC -I<dir of this header>`.
 *
 * Rules (see examples/third-party-plugin/README.md for the author's guide):
 *
 *  1. Versioning. A module reports the ABI it needs. abi_major must equal the host's;
 *     abi_minor must be no higher than the host's. Every struct starts with struct_size and
 *     only ever grows at its end; see "Growing the ABI" below.
 *  2. Ownership. Everything the host passes in is borrowed for the length of the call that
 *     received it. Results go back through the host's sink functions, which copy what they are
 *     given. No free() crosses the boundary.
 *  3. Errors. Nothing unwinds across the boundary (no C++ exceptions, no longjmp, no Swift
 *     traps on purpose). Functions return a status code (BEARMON_OK or a BEARMON_E_* value).
 *  4. Threads. The host calls run() on its own blocking worker threads, never on an event
 *     loop, and it may call run() for the same type concurrently from several threads. A run()
 *     must honour remaining_ms(): a call that overruns its deadline is reported as `fail`, its
 *     thread is abandoned (not killed), and a type with too many stuck calls is paused.
 *  5. Lifetime. Plugins are never unloaded. Descriptors returned by the entry point (module,
 *     types, parameter specs and every string they point to) must stay valid and unchanged
 *     for the life of the process: static storage is the natural home for them.
 *  6. Names. A type's name is 1 to BEARMON_NAME_MAX bytes of [a-z0-9_-]; it is stored in
 *     checks.type / contacts.type. Types are keyed by (kind, name): the check type "http" and
 *     the contact type "http" are different things. Two modules may not claim the same key.
 *
 * Growing the ABI (the convention of sqlite3ext.h):
 *
 *  - Fields are only ever appended at the end of a struct; none is moved, retyped or removed
 *    (that would take a new major). The comment on the line that ends a field's declaration
 *    starts with the version that added it: "added in 1.0" for the first fields, "added in
 *    1.1" for bearmon_host's egress_check, "added in 1.2" for bearmon_notification's kind and
 *    what follows it, "added in 1.3" for the list parameter (BEARMON_PARAM_LIST, bearmon_host's
 *    param_list_count and param_list_entry) and bearmon_type's timeout_param, "added in 1.4"
 *    for bearmon_notification's ack_url. Markers never decrease down a struct.
 *  - BEARMON_ABI_MINOR grows by one in each release that appends fields, and those fields
 *    carry its number. A new field's zero (0, NULL) must mean "not set": it is what a host
 *    sees in a plugin-written struct that predates the field.
 *  - struct_size is filled in by the struct's writer with sizeof(that struct) as the writer
 *    was compiled: the plugin for bearmon_module, bearmon_type and bearmon_param_spec, the
 *    host for bearmon_host and bearmon_notification. A writer built against an older header
 *    sets a smaller struct_size.
 *  - The reader checks BEARMON_HAS_FIELD before it reads a field added after 1.0: the host
 *    for the plugin's structs, the plugin for the host's. A host never loads a plugin whose
 *    abi_minor is newer than its own, so a plugin that declares BEARMON_ABI_MINOR may read
 *    every field of its header unchecked; one that declares a lower minor, so that older
 *    hosts load it too, must check every field added after that minor. Checking is always safe.
 */
#ifndef BEARMON_PLUGIN_H
#define BEARMON_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Versions and names -------------------------------------------------------------- */

#define BEARMON_ABI_MAJOR 1                          /* bumped on any incompatible change */
#define BEARMON_ABI_MINOR 4                          /* bumped when a struct grows at its end */
#define BEARMON_ENTRY_SYMBOL "bearmon_plugin_entry_v1" /* the one symbol the host looks up */
#define BEARMON_TOOLCHAIN_C "c"                      /* toolchain of any plugin that is not Swift */
#define BEARMON_NAME_MAX 16                          /* longest type name, in bytes */

/* ---- Fields added after 1.0 ------------------------------------------------------------ */

/* The number of bytes of `type` up to and including `field`. */
#define BEARMON_FIELD_END(type, field) (offsetof(type, field) + sizeof(((const type *)0)->field))

/* True (1 in C) when ptr, a pointer to `type`, is not NULL and its struct_size covers all
 * of `field`; else false (0). Use it before reading a field added after 1.0, for example:
 *
 *     if (BEARMON_HAS_FIELD(bearmon_host, host, some_1_1_function))
 *         host->some_1_1_function(call, ...);
 *
 * It takes the struct's type name as well as the pointer because C99 and C11 have no
 * standard typeof, and offsetof() needs a type; computing the offset from the pointer
 * instead (&ptr->field - ptr) would form the address of a field the pointed-to struct may
 * not have. A pointer of another type is an error in C++ and a "distinct pointer types"
 * warning in C (an error with -Werror), so type and pointer cannot silently disagree. ptr is
 * evaluated more than once: pass a plain variable. Works in C99 and later and C++98 and later. */
#define BEARMON_HAS_FIELD(type, ptr, field)                                                    \
    ((void)sizeof((ptr) == (const type *)0),                                                   \
     (ptr) != NULL && (size_t)(ptr)->struct_size >= BEARMON_FIELD_END(type, field))

/* ---- Enumerations (stored in int32_t fields) ------------------------------------------ */

/* What a type is. */
#define BEARMON_KIND_CHECK 1   /* probes a target: run() ends online, offline or fail */
#define BEARMON_KIND_CONTACT 2 /* delivers a notification: run() ends delivered, retry or permanent */

/* The JSON type of a parameter. The host validates data against it before any call. */
#define BEARMON_PARAM_STRING 1 /* JSON string */
#define BEARMON_PARAM_INT 2    /* JSON number without a fraction, fits int64_t */
#define BEARMON_PARAM_BOOL 3   /* JSON true or false */
#define BEARMON_PARAM_DOUBLE 4 /* any JSON number */
#define BEARMON_PARAM_MAP 5    /* JSON object of string to string (for example HTTP headers) */
#define BEARMON_PARAM_LIST 6   /* added in 1.3: JSON array of non-empty strings (for example a command's arguments); a host older than 1.3 refuses a type that declares one */

/* Parameter flags, OR-ed together in bearmon_param_spec.flags. */
#define BEARMON_PARAM_SECRET 0x1u   /* masked wherever data is shown, logged or sent */
#define BEARMON_PARAM_REQUIRED 0x2u /* data without it is refused before run() is called */
#define BEARMON_PARAM_PRIMARY 0x4u  /* contact types: data that is not a JSON object is this parameter */

/* Check outcomes, for check_result(). */
#define BEARMON_ONLINE 1  /* the target passed */
#define BEARMON_OFFLINE 2 /* the target did not pass: timeout, refusal, mismatch, TLS error... */
#define BEARMON_FAIL 3    /* the check could not be judged: bad params, broken environment */

/* Contact outcomes, for contact_result(). */
#define BEARMON_DELIVERED 1 /* the receiver accepted the notification */
#define BEARMON_RETRY 2     /* a transient failure: the host retries with backoff */
#define BEARMON_PERMANENT 3 /* retrying cannot help (bad address, rejected credentials) */

/* Log levels, for log(). */
#define BEARMON_LOG_DEBUG 0
#define BEARMON_LOG_INFO 1
#define BEARMON_LOG_WARN 2
#define BEARMON_LOG_ERROR 3

/* Status codes returned across the boundary. */
#define BEARMON_OK 0         /* success */
#define BEARMON_E_ABSENT (-1) /* the parameter or key is not set and has no default */
#define BEARMON_E_TYPE (-2)   /* the parameter exists but has another type */
#define BEARMON_E_RANGE (-3)  /* an index is out of range */
#define BEARMON_E_ARG (-4)    /* a NULL or otherwise invalid argument */
#define BEARMON_E_FAILED (-5) /* run() could not do its job; the host reports `fail` */
#define BEARMON_E_DENIED (-6) /* added in 1.1: egress_check() refuses the address */

/* ---- Opaque handles ------------------------------------------------------------------- */

/* One invocation of run() or validate(). Owned by the host; valid only until that function
 * returns. Pass it back to the host functions below; never dereference or keep it. */
typedef struct bearmon_call bearmon_call;

/* ---- Descriptors, written by the plugin ----------------------------------------------- */

/* One parameter of a type. Arrays of these are read with a stride of the first element's
 * struct_size, so all elements of one array must share one layout. Static, plugin-owned. */
typedef struct bearmon_param_spec {
    uint32_t struct_size;    /* added in 1.0; sizeof(bearmon_param_spec) as the plugin was compiled */
    int32_t type;            /* added in 1.0; BEARMON_PARAM_*; read by the host at load */
    const char *name;        /* added in 1.0; JSON key, for example "timeout"; static, plugin-owned */
    const char *default_value; /* added in 1.0; default in JSON syntax ("10", "\"GET\"", "false"), or NULL for none; static */
    const char *description; /* added in 1.0; one line for `bearmon plugins` and generated docs; static */
    uint32_t flags;          /* added in 1.0; BEARMON_PARAM_SECRET | _REQUIRED | _PRIMARY */
    const char *choices;     /* added in 1.0; allowed values, "|"-separated ("4|6", "A|AAAA|MX"), or NULL; static */
} bearmon_param_spec;

struct bearmon_type;

/* Runs one check (kind CHECK) or delivers one notification (kind CONTACT). Called on a host
 * worker thread, possibly concurrently with other calls. Report the outcome with
 * check_result() or contact_result() before returning BEARMON_OK; return BEARMON_E_FAILED
 * (with or without a result) when the call broke down, which the host reports as `fail`. */
typedef int32_t (*bearmon_run_fn)(const struct bearmon_type *self, bearmon_call *call);

/* Optional deeper validation of a type's data, after the host has checked it against the
 * parameter specs. Report each problem with param_error() and return BEARMON_E_ARG, or return
 * BEARMON_OK. Must not touch the network. Called on any host thread. */
typedef int32_t (*bearmon_validate_fn)(const struct bearmon_type *self, bearmon_call *call);

/* One check or contact type. Static, plugin-owned, unchanged for the life of the process. */
typedef struct bearmon_type {
    uint32_t struct_size;       /* added in 1.0; sizeof(bearmon_type) as the plugin was compiled */
    int32_t kind;               /* added in 1.0; BEARMON_KIND_CHECK or BEARMON_KIND_CONTACT */
    const char *name;           /* added in 1.0; 1..BEARMON_NAME_MAX bytes of [a-z0-9_-]; static */
    const char *summary;        /* added in 1.0; one line for `bearmon plugins`; static */
    const bearmon_param_spec *params; /* added in 1.0; n_params specs (stride params[0].struct_size); static */
    uint32_t n_params;          /* added in 1.0; number of entries in params; 0 allows params == NULL */
    uint32_t max_run_ms;        /* added in 1.0; longest a run() may take; the host's deadline never exceeds it */
    bearmon_validate_fn validate; /* added in 1.0; optional (NULL); see bearmon_validate_fn */
    bearmon_run_fn run;         /* added in 1.0; required; see bearmon_run_fn */
    void *user_data;            /* added in 1.0; plugin-owned; the host never reads it; find it via self */
    const char *timeout_param;  /* added in 1.3; name of an INT parameter in seconds that bounds each run (the host's deadline becomes that plus 5 s, never past max_run_ms), or NULL; static */
} bearmon_type;

/* What a module registers. Returned by the entry point; static, plugin-owned. */
typedef struct bearmon_module {
    uint32_t struct_size;       /* added in 1.0; sizeof(bearmon_module) as the plugin was compiled */
    uint32_t abi_major;         /* added in 1.0; BEARMON_ABI_MAJOR the plugin was compiled with */
    uint32_t abi_minor;         /* added in 1.0; BEARMON_ABI_MINOR, or the oldest minor whose host fields it reads unchecked */
    const char *toolchain;      /* added in 1.0; BEARMON_TOOLCHAIN_C, or the Swift toolchain id for Swift plugins; static */
    const char *name;           /* added in 1.0; module name for messages, for example "twilio"; static */
    const char *version;        /* added in 1.0; module version, free form ("1.2.0"); static */
    const char *description;    /* added in 1.0; one line; static */
    const char *config_section; /* added in 1.0; config file section this module reads ("smtp"), or NULL; static */
    const bearmon_type *const *types; /* added in 1.0; n_types pointers to static type descriptors */
    uint32_t n_types;           /* added in 1.0; at least 1 */
} bearmon_module;

/* ---- Notifications, passed to contact types ------------------------------------------- */

/* The event a contact call delivers. Host-owned, borrowed for the length of run(). */
typedef struct bearmon_notification {
    uint32_t struct_size;        /* added in 1.0; sizeof(bearmon_notification) as the host was compiled */
    const char *event_id;        /* added in 1.0; unique per (flip, contact); receivers drop repeats by it */
    const char *status;          /* added in 1.0; "online" or "offline" */
    const char *message;         /* added in 1.0; the check's last message; may be "" */
    int64_t check_id;            /* added in 1.0; checks.id, or 0 for a hand-fired notification */
    const char *check_name;      /* added in 1.0; checks.name */
    const char *check_type;      /* added in 1.0; checks.type */
    const char *check_data;      /* added in 1.0; checks.data as JSON, every secret parameter masked */
    int64_t time_unix;           /* added in 1.0; when the flip was decided, seconds since the epoch */
    const char *kind;            /* added in 1.2; why it was sent: "flip", "catch_up", "test", ... (see below); host-owned, borrowed for run(), never NULL */
    int64_t count;               /* added in 1.2; catch_up: the flips the contact missed; reminder: its number (1, 2, ...); else 0 */
    int64_t since_unix;          /* added in 1.2; when the check entered `status`, seconds since the epoch; 0 when unknown */
    const char *detail;          /* added in 1.2; what happened in words ("still offline for 2 h"), "" when none; host-owned, borrowed for run(), never NULL */
    int64_t escalation_level;    /* added in 1.2; escalation: the step reached (1, 2, ...); else 0 */
    const char *acknowledged_by; /* added in 1.2; who acknowledged the outage, "" when nobody; host-owned, borrowed for run(), never NULL */
    int64_t fallback_from_contact_id; /* added in 1.2; fallback: contacts.id of the contact that could not be reached; else 0 */
    const char *ack_url;         /* added in 1.4; a signed single-use page (https://.../ack/...) that acknowledges the outage, set when [notify] publicURL is and the notification is about an outage; "" when none; host-owned, borrowed for run(), never NULL */
} bearmon_notification;

/* Notification kinds (bearmon_notification.kind, ABI 1.2). `status` is always "online" or
 * "offline"; `kind` only says why the notification was sent. It is a string, not a number, so
 * that new kinds need no new ABI and can be shown as they are: a plugin MUST treat a kind it
 * does not know exactly like "flip", a plain notification of `status`. A host older than 1.2
 * does not have the field (check BEARMON_HAS_FIELD(bearmon_notification, n, kind)): treat
 * that as "flip" too. */
#define BEARMON_NOTIFY_FLIP "flip"             /* the check changed state */
#define BEARMON_NOTIFY_CATCH_UP "catch_up"     /* the current state after notifications were held; count = flips missed */
#define BEARMON_NOTIFY_TEST "test"             /* fired by hand to test the contact */
#define BEARMON_NOTIFY_REMINDER "reminder"     /* still in `status`; count = the reminder's number */
#define BEARMON_NOTIFY_ESCALATION "escalation" /* nobody reacted in time; escalation_level = the step */
#define BEARMON_NOTIFY_FALLBACK "fallback"     /* another contact could not be reached; fallback_from_contact_id */
#define BEARMON_NOTIFY_FLAPPING "flapping"     /* the check started flapping; later flips are held */
#define BEARMON_NOTIFY_REMOVED "removed"       /* the check, contact or alert was deleted or disabled */

/* ---- Host services, written by the host ----------------------------------------------- */

/* The host's function table. Host-owned and valid for the life of the process; a plugin may
 * keep the pointer it got in the entry point. Every function is thread-safe. Functions that
 * take a call may only be used while that call's run() or validate() is executing; strings
 * they return are borrowed until that function returns. Fields are only ever appended; check
 * a function added after 1.0 with BEARMON_HAS_FIELD(bearmon_host, host, name) before calling it. */
typedef struct bearmon_host {
    uint32_t struct_size;  /* added in 1.0; sizeof(bearmon_host) as the host was compiled; see BEARMON_HAS_FIELD */
    uint32_t abi_major;    /* added in 1.0; the host's BEARMON_ABI_MAJOR */
    uint32_t abi_minor;    /* added in 1.0; the host's BEARMON_ABI_MINOR */
    const char *host_version; /* added in 1.0; bearmon's version string; static */

    /* Writes one log line, tagged with the module, type and (when call != NULL) the check.
     * call may be NULL, for example inside the entry point. message is copied. */
    void (*log)(const bearmon_call *call, int32_t level, const char *message); /* added in 1.0 */

    /* The value of key in the module's config section (the last one, when it is repeated),
     * or NULL when unset. Keys are case-insensitive. Borrowed until the call ends. */
    const char *(*config_get)(const bearmon_call *call, const char *key); /* added in 1.0 */

    /* Typed parameter accessors. The host has already validated the data and applied the
     * spec's default, so BEARMON_E_ABSENT means "not given and no default". Strings are
     * UTF-8, NUL-terminated and borrowed until the call ends. */
    int32_t (*param_string)(const bearmon_call *call, const char *name, const char **out); /* added in 1.0 */
    int32_t (*param_int)(const bearmon_call *call, const char *name, int64_t *out); /* added in 1.0 */
    int32_t (*param_bool)(const bearmon_call *call, const char *name, int32_t *out); /* added in 1.0 */
    int32_t (*param_double)(const bearmon_call *call, const char *name, double *out); /* added in 1.0 */
    /* Map parameters: the entry count, then entries by index, sorted by key (byte order). */
    int32_t (*param_map_count)(const bearmon_call *call, const char *name, size_t *out); /* added in 1.0 */
    int32_t (*param_map_entry)(const bearmon_call *call, const char *name, size_t index,
                               const char **key, const char **value); /* added in 1.0 */
    /* 1 when the data set the parameter explicitly, 0 when it is absent or defaulted. */
    int32_t (*param_given)(const bearmon_call *call, const char *name); /* added in 1.0 */

    /* Milliseconds left until the call's deadline (CLOCK_MONOTONIC); <= 0 means it has passed.
     * Bound every blocking wait by it. */
    int64_t (*remaining_ms)(const bearmon_call *call); /* added in 1.0 */
    /* 1 when the host no longer wants the result (deadline passed, shutdown), else 0. */
    int32_t (*cancelled)(const bearmon_call *call); /* added in 1.0 */

    /* Sinks; each copies its arguments. The last result set before run() returns wins;
     * results set after the deadline are ignored. message/error may be NULL. */
    void (*check_result)(bearmon_call *call, int32_t status, const char *message); /* added in 1.0 */
    /* A named measurement of this check, for example ("connect_ms", 1.7, "ms"). unit may be NULL. */
    void (*metric)(bearmon_call *call, const char *name, double value, const char *unit); /* added in 1.0 */
    /* A contact outcome; receipt (for example a Twilio sid) may be NULL. */
    void (*contact_result)(bearmon_call *call, int32_t status, const char *error, const char *receipt); /* added in 1.0 */
    /* validate() only: one problem with the named parameter (NULL when it concerns the data
     * as a whole). Both strings are copied. */
    void (*param_error)(bearmon_call *call, const char *param, const char *reason); /* added in 1.0 */

    /* Contact calls only: the event to deliver, or NULL in a check call. Borrowed. */
    const bearmon_notification *(*notification)(const bearmon_call *call); /* added in 1.0 */

    /* The egress policy ([security] deny and allow in bearmon's config): may the plugin
     * connect to `address`, a numeric IPv4 or IPv6 address ("192.0.2.1", "2001:db8::1"; no
     * brackets or port; an IPv6 "%zone" is ignored; IPv4-mapped IPv6 is judged as IPv4)?
     * Returns BEARMON_OK when it may, BEARMON_E_DENIED when it may not (with *reason, when
     * reason != NULL, set to words naming the rule, for the result message), BEARMON_E_ARG
     * when address is not a numeric address. Ask after resolving, about each address you are
     * about to connect to, every hop of a redirect included; report a refusal as BEARMON_FAIL
     * (checks) or BEARMON_PERMANENT (contacts). The policy is advisory: the host cannot stop a
     * plugin that does not ask. Check availability with BEARMON_HAS_FIELD. */
    int32_t (*egress_check)(const bearmon_call *call, const char *address, const char **reason); /* added in 1.1; host-owned, thread-safe; *reason borrowed until the call ends */

    /* List parameters (BEARMON_PARAM_LIST): the entry count, then entries by index, in the
     * data's order. Entries are non-empty UTF-8 strings without NUL, as validated by the host.
     * Check availability with BEARMON_HAS_FIELD. */
    int32_t (*param_list_count)(const bearmon_call *call, const char *name, size_t *out); /* added in 1.3; host-owned, thread-safe; BEARMON_E_TYPE when name is not a list */
    int32_t (*param_list_entry)(const bearmon_call *call, const char *name, size_t index, const char **out); /* added in 1.3; host-owned, thread-safe; *out borrowed until the call ends; BEARMON_E_RANGE past the count */
} bearmon_host;

/* ---- The entry point ------------------------------------------------------------------ */

/* Called once, on the host's loading thread, right after dlopen(). host is valid for the life
 * of the process. Return the module descriptor, or NULL after logging why the module cannot
 * start (for example a library it needs failed to initialise). Do global initialisation
 * (curl_global_init and the like) here. */
typedef const bearmon_module *(*bearmon_entry_fn)(const bearmon_host *host);

const bearmon_module *bearmon_plugin_entry_v1(const bearmon_host *host);

#ifdef __cplusplus
}
#endif

#endif /* BEARMON_PLUGIN_H */

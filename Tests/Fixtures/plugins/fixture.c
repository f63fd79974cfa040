/*
 * A test plugin whose ABI fields can be bent at compile time, so that tests can build every
 * kind of broken module the loader must refuse, plus well-behaved and badly-behaved types
 * for the runtime tests. Built by the tests with `cc -shared -fPIC -D...`.
 *
 *   -DFIXTURE_PREFIX='"x"'        prefix of every type name (default "fixture")
 *   -DFIXTURE_ABI_MAJOR=2         claim another ABI major
 *   -DFIXTURE_ABI_MINOR=99        claim a newer ABI minor
 *   -DFIXTURE_LONG_NAME           register a type whose name is 17 bytes
 *   -DFIXTURE_NO_ENTRY            export no entry point
 *   -DFIXTURE_TOOLCHAIN='"swift/x"' claim to be a Swift plugin from another compiler
 *   -DFIXTURE_ENTRY_SLEEP=N       sleep N seconds in the entry point before returning
 *   -DFIXTURE_VALIDATE            give the check type a validate(): mode "refuse" is a problem
 *                                 with "mode"; mode "block" sleeps 30 s in validate()
 *
 * Check type PREFIX, param "mode":
 *   online | offline | fail   report that status, with "message" as the message
 *   hang                      sleep "seconds" (default 60), ignoring the deadline
 *   polite_hang               wait until remaining_ms() runs out, then report offline
 *   noresult                  return BEARMON_OK without reporting
 *   abort | segv | exit       call abort(), write through NULL, or call exit(0): take the
 *                             process down (for isolation)
 *   log                       log "message" at warning level, then report online
 *   scribble                  write a frame header announcing 4 GiB to descriptor 3 (an
 *                             isolated plugin's host socket), then report online
 *   badstatus                 report status 42
 *   error                     return BEARMON_E_FAILED
 *   echo                      report online with the params it saw
 *   huge                      report offline with a 1 MiB message: "message", then 'x's
 *                             broken by invalid UTF-8 (0xff 0xfe) and combining marks
 *   egress                    ask egress_check (ABI 1.1) about the address in "message":
 *                             online "allowed", offline with the host's reason, fail
 *                             "egress_check returned N"; built against the 1.0 header, or
 *                             run by a host without the field, fail "no egress_check"
 *   list                      report online "args=N" then each entry of the list "args"
 *                             (ABI 1.3) after a "|"; built against an older header, or run
 *                             by a host without the accessors, fail "no list params"
 * Check type PREFIX "_noop": online at once (for benchmarks).
 * Contact type PREFIX: primary "to"; delivered with receipt "r-<event_id>-<status>", or:
 *   retry | permanent        that outcome
 *   record:PATH              append "<event_id> <status> <check_id>" to PATH, then delivered
 *   flaky:PATH:N             retry the first N calls (counted in PATH), then record and deliver
 *   hang                     sleep 30 s, ignoring the deadline
 *   describe                 delivered with a receipt naming what it saw: "size=N event=E
 *                            status=S check=C time=T", then, when the header and the host's
 *                            struct_size have ABI 1.2's fields, " kind=K count=N since=N
 *                            detail=D level=N ack=A from=N", else " no kind"; then, when
 *                            they have ABI 1.4's ack_url, " url=U"
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bearmon_plugin.h"

#ifndef FIXTURE_PREFIX
#define FIXTURE_PREFIX "fixture"
#endif
#ifndef FIXTURE_ABI_MAJOR
#define FIXTURE_ABI_MAJOR BEARMON_ABI_MAJOR
#endif
#ifndef FIXTURE_ABI_MINOR
#define FIXTURE_ABI_MINOR BEARMON_ABI_MINOR
#endif
#ifndef FIXTURE_TOOLCHAIN
#define FIXTURE_TOOLCHAIN BEARMON_TOOLCHAIN_C
#endif

static const bearmon_host *host;

static const bearmon_param_spec check_params[] = {
    {sizeof(bearmon_param_spec), BEARMON_PARAM_STRING, "mode", "\"online\"", "what to do", 0, NULL},
    {sizeof(bearmon_param_spec), BEARMON_PARAM_STRING, "message", "\"\"", "message to report", 0, NULL},
    {sizeof(bearmon_param_spec), BEARMON_PARAM_INT, "seconds", "60", "how long hang sleeps", 0, NULL},
    {sizeof(bearmon_param_spec), BEARMON_PARAM_STRING, "password", NULL, "a secret", BEARMON_PARAM_SECRET, NULL},
    {sizeof(bearmon_param_spec), BEARMON_PARAM_MAP, "headers", NULL, "a map", 0, NULL},
    {sizeof(bearmon_param_spec), BEARMON_PARAM_BOOL, "flag", "false", "a bool", 0, NULL},
    {sizeof(bearmon_param_spec), BEARMON_PARAM_DOUBLE, "ratio", "0.5", "a number", 0, NULL},
#if BEARMON_ABI_MINOR >= 3
    {sizeof(bearmon_param_spec), BEARMON_PARAM_LIST, "args", NULL, "a list", BEARMON_PARAM_SECRET, NULL},
#endif
};

static int32_t check_run(const bearmon_type *self, bearmon_call *call) {
    (void)self;
    const char *mode = "online", *message = "";
    int64_t seconds = 60;
    host->param_string(call, "mode", &mode);
    host->param_string(call, "message", &message);
    host->param_int(call, "seconds", &seconds);

    if (strcmp(mode, "hang") == 0) {
        for (int64_t i = 0; i < seconds * 10; i++) usleep(100000);
        host->check_result(call, BEARMON_ONLINE, "woke up");
        return BEARMON_OK;
    }
    if (strcmp(mode, "polite_hang") == 0) {
        while (host->remaining_ms(call) > 0) usleep(10000);
        host->check_result(call, BEARMON_OFFLINE, "gave up at the deadline");
        return BEARMON_OK;
    }
    if (strcmp(mode, "noresult") == 0) return BEARMON_OK;
    if (strcmp(mode, "abort") == 0) abort();
    if (strcmp(mode, "segv") == 0) {
        volatile int *nowhere = NULL;
        *nowhere = 1;
    }
    if (strcmp(mode, "exit") == 0) exit(0);
    if (strcmp(mode, "log") == 0) {
        host->log(call, BEARMON_LOG_WARN, message);
        host->check_result(call, BEARMON_ONLINE, "logged");
        return BEARMON_OK;
    }
    if (strcmp(mode, "scribble") == 0) {
        if (write(3, "\xff\xff\xff\xff", 4) != 4) return BEARMON_E_FAILED;
        host->check_result(call, BEARMON_ONLINE, "scribbled");
        return BEARMON_OK;
    }
    if (strcmp(mode, "error") == 0) return BEARMON_E_FAILED;
    if (strcmp(mode, "badstatus") == 0) {
        host->check_result(call, 42, "what");
        return BEARMON_OK;
    }
    if (strcmp(mode, "echo") == 0) {
        char text[1024];
        size_t count = 0;
        int32_t flag = 0;
        double ratio = 0;
        const char *key = "", *value = "";
        host->param_map_count(call, "headers", &count);
        if (count > 0) host->param_map_entry(call, "headers", 0, &key, &value);
        host->param_bool(call, "flag", &flag);
        host->param_double(call, "ratio", &ratio);
        snprintf(text, sizeof text, "headers=%zu first=%s:%s flag=%d ratio=%.2f given_mode=%d absent_password=%d",
                 count, key, value, flag, ratio, host->param_given(call, "mode"),
                 host->param_string(call, "password", &value) == BEARMON_E_ABSENT);
        host->metric(call, "answer", 42, "units");
        host->check_result(call, BEARMON_ONLINE, text);
        return BEARMON_OK;
    }
    if (strcmp(mode, "huge") == 0) {
        size_t size = 1 << 20, used = strlen(message);
        char *text = malloc(size + 1);
        if (!text) return BEARMON_E_FAILED;
        memcpy(text, message, used);
        while (used + 4 <= size) {
            if (used % 64 == 0) { memcpy(text + used, "\xff\xfe", 2); used += 2; }
            else if (used % 64 == 2) { memcpy(text + used, "\xcc\x81", 2); used += 2; } /* U+0301 */
            else text[used++] = 'x';
        }
        text[used] = 0;
        host->check_result(call, BEARMON_OFFLINE, text);
        free(text);
        return BEARMON_OK;
    }
    if (strcmp(mode, "list") == 0) {
#if BEARMON_ABI_MINOR >= 3
        if (BEARMON_HAS_FIELD(bearmon_host, host, param_list_entry)) {
            char text[2048];
            size_t count = 0, used;
            int32_t code = host->param_list_count(call, "args", &count);
            used = (size_t)snprintf(text, sizeof text, "args=%zu code=%d", count, (int)code);
            for (size_t i = 0; i < count && used < sizeof text; i++) {
                const char *entry = "";
                host->param_list_entry(call, "args", i, &entry);
                used += (size_t)snprintf(text + used, sizeof text - used, "|%s", entry);
            }
            if (used < sizeof text) {
                const char *past = NULL;
                snprintf(text + used, sizeof text - used, " past=%d", (int)host->param_list_entry(call, "args", count, &past));
            }
            host->check_result(call, BEARMON_ONLINE, text);
            return BEARMON_OK;
        }
#endif
        host->check_result(call, BEARMON_FAIL, "no list params");
        return BEARMON_OK;
    }
    if (strcmp(mode, "egress") == 0) {
#if BEARMON_ABI_MINOR >= 1
        if (BEARMON_HAS_FIELD(bearmon_host, host, egress_check)) {
            const char *reason = NULL;
            char text[64];
            int32_t code = host->egress_check(call, message, &reason);
            if (code == BEARMON_OK) host->check_result(call, BEARMON_ONLINE, "allowed");
            else if (code == BEARMON_E_DENIED) host->check_result(call, BEARMON_OFFLINE, reason);
            else {
                snprintf(text, sizeof text, "egress_check returned %d", (int)code);
                host->check_result(call, BEARMON_FAIL, text);
            }
            return BEARMON_OK;
        }
#endif
        host->check_result(call, BEARMON_FAIL, "no egress_check");
        return BEARMON_OK;
    }
    int32_t status = strcmp(mode, "offline") == 0 ? BEARMON_OFFLINE
                   : strcmp(mode, "fail") == 0    ? BEARMON_FAIL
                                                  : BEARMON_ONLINE;
    host->check_result(call, status, message);
    return BEARMON_OK;
}

static int32_t noop_run(const bearmon_type *self, bearmon_call *call) {
    (void)self;
    host->check_result(call, BEARMON_ONLINE, "noop");
    return BEARMON_OK;
}

static const bearmon_param_spec contact_params[] = {
    {sizeof(bearmon_param_spec), BEARMON_PARAM_STRING, "to", NULL, "recipient", BEARMON_PARAM_PRIMARY | BEARMON_PARAM_REQUIRED, NULL},
};

/* Appends one line for the notification to `path`. */
static void record_delivery(const char *path, const bearmon_notification *n) {
    FILE *file = fopen(path, "a");
    if (file == NULL) return;
    fprintf(file, "%s %s %lld\n", n->event_id, n->status, (long long)n->check_id);
    fclose(file);
}

/* Counts calls in a file at `path`; returns the count including this call. */
static long bump_counter(const char *path) {
    long count = 0;
    FILE *file = fopen(path, "r");
    if (file != NULL) {
        if (fscanf(file, "%ld", &count) != 1) count = 0;
        fclose(file);
    }
    count++;
    file = fopen(path, "w");
    if (file != NULL) {
        fprintf(file, "%ld\n", count);
        fclose(file);
    }
    return count;
}

static int32_t contact_run(const bearmon_type *self, bearmon_call *call) {
    (void)self;
    const char *to = "";
    host->param_string(call, "to", &to);
    const bearmon_notification *n = host->notification(call);
    if (n == NULL) return BEARMON_E_ARG;
    if (strncmp(to, "record:", 7) == 0) {
        record_delivery(to + 7, n);
        host->contact_result(call, BEARMON_DELIVERED, NULL, NULL);
    } else if (strncmp(to, "flaky:", 6) == 0) {
        char path[512];
        long failures = 0;
        const char *colon = strrchr(to + 6, ':');
        size_t length = colon ? (size_t)(colon - (to + 6)) : strlen(to + 6);
        if (length >= sizeof path) length = sizeof path - 1;
        memcpy(path, to + 6, length);
        path[length] = 0;
        if (colon) failures = strtol(colon + 1, NULL, 10);
        char counter[600];
        snprintf(counter, sizeof counter, "%s.count", path);
        if (bump_counter(counter) <= failures) {
            host->contact_result(call, BEARMON_RETRY, "flaky receiver said 503", NULL);
        } else {
            record_delivery(path, n);
            host->contact_result(call, BEARMON_DELIVERED, NULL, NULL);
        }
    } else if (strcmp(to, "describe") == 0) {
        char receipt[1024];
        int used = snprintf(receipt, sizeof receipt, "size=%u event=%s status=%s check=%lld time=%lld",
                            (unsigned)n->struct_size, n->event_id, n->status, (long long)n->check_id,
                            (long long)n->time_unix);
#if BEARMON_ABI_MINOR >= 2
        if (BEARMON_HAS_FIELD(bearmon_notification, n, fallback_from_contact_id)) {
            used += snprintf(receipt + used, sizeof receipt - (size_t)used,
                     " kind=%s count=%lld since=%lld detail=%s level=%lld ack=%s from=%lld", n->kind,
                     (long long)n->count, (long long)n->since_unix, n->detail, (long long)n->escalation_level,
                     n->acknowledged_by, (long long)n->fallback_from_contact_id);
        } else
#endif
            used += snprintf(receipt + used, sizeof receipt - (size_t)used, " no kind");
#if BEARMON_ABI_MINOR >= 4
        if (BEARMON_HAS_FIELD(bearmon_notification, n, ack_url) && (size_t)used < sizeof receipt)
            snprintf(receipt + used, sizeof receipt - (size_t)used, " url=%s", n->ack_url);
#endif
        host->contact_result(call, BEARMON_DELIVERED, NULL, receipt);
    } else if (strcmp(to, "hang") == 0) {
        for (int i = 0; i < 300; i++) usleep(100000);
        host->contact_result(call, BEARMON_DELIVERED, NULL, NULL);
    } else if (strcmp(to, "retry") == 0) {
        host->contact_result(call, BEARMON_RETRY, "try later", NULL);
    } else if (strcmp(to, "permanent") == 0) {
        host->contact_result(call, BEARMON_PERMANENT, "no such recipient", NULL);
    } else {
        char receipt[256];
        snprintf(receipt, sizeof receipt, "r-%s-%s", n->event_id, n->status);
        host->contact_result(call, BEARMON_DELIVERED, NULL, receipt);
    }
    return BEARMON_OK;
}

#ifdef FIXTURE_VALIDATE
static int32_t check_validate(const bearmon_type *self, bearmon_call *call) {
    (void)self;
    const char *mode = "online";
    host->param_string(call, "mode", &mode);
    if (strcmp(mode, "refuse") == 0) {
        host->param_error(call, "mode", "refused by the plugin's validate");
        return BEARMON_E_ARG;
    }
    if (strcmp(mode, "block") == 0) sleep(30);
    return BEARMON_OK;
}
#define CHECK_VALIDATE check_validate
#else
#define CHECK_VALIDATE NULL
#endif

#ifdef FIXTURE_LONG_NAME
#define CHECK_NAME "abcdefghijklmnopq"
#else
#define CHECK_NAME FIXTURE_PREFIX
#endif

static const bearmon_type check_type = {
    sizeof(bearmon_type), BEARMON_KIND_CHECK, CHECK_NAME, "test check", check_params,
    sizeof check_params / sizeof check_params[0], 3000, CHECK_VALIDATE, check_run, NULL};
static const bearmon_type noop_type = {
    sizeof(bearmon_type), BEARMON_KIND_CHECK, FIXTURE_PREFIX "_noop", "does nothing", NULL, 0, 1000, NULL, noop_run, NULL};
static const bearmon_type contact_type = {
    sizeof(bearmon_type), BEARMON_KIND_CONTACT, FIXTURE_PREFIX, "test contact", contact_params,
    1, 3000, NULL, contact_run, NULL};

static const bearmon_type *const types[] = {&check_type, &noop_type, &contact_type};

static const bearmon_module module = {
    sizeof(bearmon_module), FIXTURE_ABI_MAJOR, FIXTURE_ABI_MINOR, FIXTURE_TOOLCHAIN,
    FIXTURE_PREFIX, "0.0.1", "test fixture", "fixture", types, 3};

#ifdef FIXTURE_NO_ENTRY
const bearmon_module *some_other_symbol(const bearmon_host *h) {
#else
const bearmon_module *bearmon_plugin_entry_v1(const bearmon_host *h) {
#endif
    host = h;
#ifdef FIXTURE_ENTRY_SLEEP
    sleep(FIXTURE_ENTRY_SLEEP);
#endif
    return &module;
}

/*
 * Exercises BEARMON_HAS_FIELD and BEARMON_FIELD_END from bearmon_plugin.h at run time, as a
 * plugin or host would use them: structs whose struct_size is set below, exactly at and past
 * the end of a field. The tests compile it as C99, C11 and C++11 with -Wall -Werror -pedantic.
 * It prints one line per failed expectation and exits 1, or prints "ok N" and exits 0.
 *
 *   -DHAS_FIELD_MISMATCH   also pass a bearmon_host pointer with the type bearmon_type, which
 *                          must not compile (the tests expect the build to fail).
 */
#include <stdio.h>
#include <string.h>

#include "bearmon_plugin.h"

static int checks, failures;

static void expect(int condition, const char *what, int line) {
    checks++;
    if (!condition) {
        failures++;
        printf("line %d: expected %s\n", line, what);
    }
}

#define EXPECT(condition) expect((condition) ? 1 : 0, #condition, __LINE__)

/* What bearmon_notification would look like in a later minor that appends one field: a
 * plugin built against that header, loaded into a host built against this one. */
typedef struct future_notification {
    uint32_t struct_size;
    const char *event_id;
    const char *status;
    const char *message;
    int64_t check_id;
    const char *check_name;
    const char *check_type;
    const char *check_data;
    int64_t time_unix;
    const char *kind;
    int64_t count;
    int64_t since_unix;
    const char *detail;
    int64_t escalation_level;
    const char *acknowledged_by;
    int64_t fallback_from_contact_id;
    const char *ack_url;
    int32_t added_in_1_5; /* the narrowest field a later minor could append */
} future_notification;

/* A host built against this header lends its notification; a newer plugin reads it. */
static void newer_plugin_reads_older_host(void) {
    bearmon_notification lent;
    memset(&lent, 0, sizeof lent);
    lent.struct_size = (uint32_t)sizeof(bearmon_notification);
    const future_notification *seen = (const future_notification *)(const void *)&lent;
    EXPECT(BEARMON_HAS_FIELD(future_notification, seen, time_unix));
    EXPECT(BEARMON_HAS_FIELD(future_notification, seen, ack_url));
    /* Holds only because bearmon_notification ends without tail padding (abi_layout.c). */
    EXPECT(!BEARMON_HAS_FIELD(future_notification, seen, added_in_1_5));

    future_notification newer;
    memset(&newer, 0, sizeof newer);
    newer.struct_size = (uint32_t)sizeof(future_notification);
    const future_notification *full = &newer;
    EXPECT(BEARMON_HAS_FIELD(future_notification, full, added_in_1_5));

    /* A 1.0 or 1.1 host's notification ends at time_unix: no kind to read. */
    lent.struct_size = (uint32_t)BEARMON_FIELD_END(bearmon_notification, time_unix);
    const bearmon_notification *old = &lent;
    EXPECT(BEARMON_HAS_FIELD(bearmon_notification, old, time_unix));
    EXPECT(!BEARMON_HAS_FIELD(bearmon_notification, old, kind));

    /* A 1.2 or 1.3 host's ends at fallback_from_contact_id: no ack_url to read. */
    lent.struct_size = (uint32_t)BEARMON_FIELD_END(bearmon_notification, fallback_from_contact_id);
    EXPECT(BEARMON_HAS_FIELD(bearmon_notification, old, fallback_from_contact_id));
    EXPECT(!BEARMON_HAS_FIELD(bearmon_notification, old, ack_url));
}

/* The host table cut just after param_given, one byte short of it, and at its full size. */
static void host_table_sizes(void) {
    bearmon_host table;
    memset(&table, 0, sizeof table);
    const bearmon_host *host = &table;
    size_t end = BEARMON_FIELD_END(bearmon_host, param_given);
    EXPECT(end == offsetof(bearmon_host, param_given) + sizeof(table.param_given));

    table.struct_size = (uint32_t)end;
    EXPECT(BEARMON_HAS_FIELD(bearmon_host, host, struct_size));
    EXPECT(BEARMON_HAS_FIELD(bearmon_host, host, log));
    EXPECT(BEARMON_HAS_FIELD(bearmon_host, host, param_given));
    EXPECT(!BEARMON_HAS_FIELD(bearmon_host, host, remaining_ms));
    EXPECT(!BEARMON_HAS_FIELD(bearmon_host, host, notification));

    table.struct_size = (uint32_t)(end - 1);
    EXPECT(!BEARMON_HAS_FIELD(bearmon_host, host, param_given));
    EXPECT(BEARMON_HAS_FIELD(bearmon_host, host, param_map_entry));

    table.struct_size = (uint32_t)sizeof(bearmon_host);
    EXPECT(BEARMON_HAS_FIELD(bearmon_host, host, notification));

    /* A newer host's table is longer than this header's struct. */
    table.struct_size = (uint32_t)sizeof(bearmon_host) + 64;
    EXPECT(BEARMON_HAS_FIELD(bearmon_host, host, notification));

    table.struct_size = 0;
    EXPECT(!BEARMON_HAS_FIELD(bearmon_host, host, struct_size));
    table.struct_size = UINT32_MAX;
    EXPECT(BEARMON_HAS_FIELD(bearmon_host, host, notification));

    const bearmon_host *none = NULL;
    EXPECT(!BEARMON_HAS_FIELD(bearmon_host, none, struct_size));
}

/* Each struct's last field: present at sizeof, absent one byte short of its end. */
#define LAST_FIELD(type, field)                                                             \
    do {                                                                                    \
        type value;                                                                         \
        memset(&value, 0, sizeof value);                                                    \
        type *pointer = &value;                                                             \
        EXPECT(BEARMON_FIELD_END(type, field) <= sizeof(type));                             \
        value.struct_size = (uint32_t)sizeof(type);                                         \
        EXPECT(BEARMON_HAS_FIELD(type, pointer, field));                                    \
        value.struct_size = (uint32_t)(BEARMON_FIELD_END(type, field) - 1);                 \
        EXPECT(!BEARMON_HAS_FIELD(type, pointer, field));                                   \
    } while (0)

static void every_struct(void) {
    LAST_FIELD(bearmon_param_spec, choices);
    LAST_FIELD(bearmon_type, user_data);
    LAST_FIELD(bearmon_module, n_types);
    LAST_FIELD(bearmon_notification, ack_url);
    LAST_FIELD(bearmon_host, notification);
}

int main(void) {
    newer_plugin_reads_older_host();
    host_table_sizes();
    every_struct();
#ifdef HAS_FIELD_MISMATCH
    {
        bearmon_host table;
        const bearmon_host *host = &table;
        table.struct_size = 0;
        EXPECT(!BEARMON_HAS_FIELD(bearmon_type, host, run));
    }
#endif
    if (failures != 0) return 1;
    printf("ok %d\n", checks);
    return 0;
}

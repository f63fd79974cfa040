/* Compile-time checks of the v1 layout. SwiftPM needs a source file in a C target; this one
 * makes sure an accidental edit of the header that reorders a field fails the build. */
#include <stddef.h>
#include "bearmon_plugin.h"

_Static_assert(offsetof(bearmon_module, struct_size) == 0, "struct_size must come first");
_Static_assert(offsetof(bearmon_type, struct_size) == 0, "struct_size must come first");
_Static_assert(offsetof(bearmon_param_spec, struct_size) == 0, "struct_size must come first");
_Static_assert(offsetof(bearmon_host, struct_size) == 0, "struct_size must come first");
_Static_assert(offsetof(bearmon_notification, struct_size) == 0, "struct_size must come first");
_Static_assert(offsetof(bearmon_module, abi_major) == 4, "abi_major is read before anything else");
_Static_assert(offsetof(bearmon_module, abi_minor) == 8, "abi_minor is read before anything else");
_Static_assert(offsetof(bearmon_host, egress_check) == offsetof(bearmon_host, notification) + sizeof(void (*)(void)),
               "egress_check (1.1) is appended right after notification, the last 1.0 field");
_Static_assert(offsetof(bearmon_notification, kind) == offsetof(bearmon_notification, time_unix) + sizeof(int64_t),
               "kind (1.2) is appended right after time_unix, the last 1.0 field");
_Static_assert(offsetof(bearmon_notification, ack_url) == BEARMON_FIELD_END(bearmon_notification, fallback_from_contact_id),
               "ack_url (1.4) is appended right after fallback_from_contact_id, the last 1.2 field");
_Static_assert(sizeof(bearmon_notification) == BEARMON_FIELD_END(bearmon_notification, ack_url),
               "no tail padding: a field appended in 1.5 must grow struct_size, or BEARMON_HAS_FIELD would see it in a 1.4 struct");

/* A plugin whose descriptors declare hostile counts and sizes, for the loader's bounds:
 * -DBOUNDS_N_TYPES=N, -DBOUNDS_N_PARAMS=N, -DBOUNDS_PARAM_SIZE=N, -DBOUNDS_TYPE_SIZE=N.
 * The arrays behind them hold one entry each, so a loader that believes the counts walks
 * off the end of this library's memory. */
#include <stddef.h>
#include "bearmon_plugin.h"

#ifndef BOUNDS_N_TYPES
#define BOUNDS_N_TYPES 1
#endif
#ifndef BOUNDS_N_PARAMS
#define BOUNDS_N_PARAMS 1
#endif
#ifndef BOUNDS_PARAM_SIZE
#define BOUNDS_PARAM_SIZE sizeof(bearmon_param_spec)
#endif
#ifndef BOUNDS_TYPE_SIZE
#define BOUNDS_TYPE_SIZE sizeof(bearmon_type)
#endif

static int32_t run(const bearmon_type *self, bearmon_call *call) {
    (void)self;
    (void)call;
    return BEARMON_OK;
}

static const bearmon_param_spec params[] = {
    {BOUNDS_PARAM_SIZE, BEARMON_PARAM_STRING, "address", NULL, "where", 0, NULL},
};

static const bearmon_type type = {
    BOUNDS_TYPE_SIZE, BEARMON_KIND_CHECK, "bounds", "hostile counts", params, BOUNDS_N_PARAMS, 1000, NULL, run, NULL};

static const bearmon_type *const types[] = {&type};

static const bearmon_module module = {
    sizeof(bearmon_module), BEARMON_ABI_MAJOR, BEARMON_ABI_MINOR, BEARMON_TOOLCHAIN_C,
    "bounds", "0.0.1", "hostile descriptor counts", NULL, types, BOUNDS_N_TYPES};

const bearmon_module *bearmon_plugin_entry_v1(const bearmon_host *h) {
    (void)h;
    return &module;
}

/*
 * file_checks.c - a bearmon plugin in plain C, built against bearmon_plugin.h alone.
 *
 * It registers two check types from one module:
 *   file_age    online while a file was modified within max_age seconds (a dead man's
 *               switch for cron jobs and backups that touch a file when they succeed);
 *   file_match  online while a file contains a line matching a POSIX extended regex.
 *
 * Build:  cc -shared -fPIC -O2 -Wall -I<bearmon>/Sources/PluginABI/include \
 *             -Wl,--version-script=exports.map -o libfile-checks.so file_checks.c
 */
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "bearmon_plugin.h"

/* The host's services. Valid for the life of the process once the entry point has run. */
static const bearmon_host *host;

/* ---- file_age ---------------------------------------------------------------------- */

static const bearmon_param_spec file_age_params[] = {
    {sizeof(bearmon_param_spec), BEARMON_PARAM_STRING, "path", NULL,
     "file whose modification time is checked", BEARMON_PARAM_REQUIRED, NULL},
    {sizeof(bearmon_param_spec), BEARMON_PARAM_INT, "max_age", "3600",
     "seconds since the last modification before the check is offline", 0, NULL},
};

static int32_t file_age_run(const bearmon_type *self, bearmon_call *call) {
    (void)self;
    const char *path = NULL;
    int64_t max_age = 0;
    char message[512];

    /* The host validated the data against file_age_params, so these cannot fail for a
     * required parameter or one with a default. */
    host->param_string(call, "path", &path);
    host->param_int(call, "max_age", &max_age);

    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(message, sizeof message, "cannot stat %s: %s", path, strerror(errno));
        host->check_result(call, BEARMON_OFFLINE, message);
        return BEARMON_OK;
    }
    double age = difftime(time(NULL), st.st_mtime);
    host->metric(call, "age_s", age, "s");
    if (age > (double)max_age) {
        snprintf(message, sizeof message, "%s is %.0f s old, more than max_age %lld s", path, age,
                 (long long)max_age);
        host->check_result(call, BEARMON_OFFLINE, message);
    } else {
        snprintf(message, sizeof message, "%s is %.0f s old", path, age);
        host->check_result(call, BEARMON_ONLINE, message);
    }
    return BEARMON_OK;
}

static const bearmon_type file_age_type = {
    .struct_size = sizeof(bearmon_type),
    .kind = BEARMON_KIND_CHECK,
    .name = "file_age",
    .summary = "Online while a file was modified within max_age seconds",
    .params = file_age_params,
    .n_params = sizeof file_age_params / sizeof file_age_params[0],
    .max_run_ms = 5000,
    .validate = NULL,
    .run = file_age_run,
    .user_data = NULL,
};

/* ---- file_match -------------------------------------------------------------------- */

static const bearmon_param_spec file_match_params[] = {
    {sizeof(bearmon_param_spec), BEARMON_PARAM_STRING, "path", NULL,
     "file to read", BEARMON_PARAM_REQUIRED, NULL},
    {sizeof(bearmon_param_spec), BEARMON_PARAM_STRING, "pattern", NULL,
     "POSIX extended regular expression one line must match", BEARMON_PARAM_REQUIRED, NULL},
};

/* Runs at `bearmon checks add` and before every run: a bad regex is the user's mistake,
 * so it is reported against the parameter instead of failing at run time. */
static int32_t file_match_validate(const bearmon_type *self, bearmon_call *call) {
    (void)self;
    const char *pattern = NULL;
    if (host->param_string(call, "pattern", &pattern) != BEARMON_OK) return BEARMON_OK;
    regex_t re;
    int rc = regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB);
    if (rc != 0) {
        char why[256];
        regerror(rc, &re, why, sizeof why);
        host->param_error(call, "pattern", why);
        return BEARMON_E_ARG;
    }
    regfree(&re);
    return BEARMON_OK;
}

static int32_t file_match_run(const bearmon_type *self, bearmon_call *call) {
    (void)self;
    const char *path = NULL, *pattern = NULL;
    char message[512];
    host->param_string(call, "path", &path);
    host->param_string(call, "pattern", &pattern);

    regex_t re;
    if (regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB) != 0) {
        host->check_result(call, BEARMON_FAIL, "pattern is not a valid extended regex");
        return BEARMON_OK;
    }
    FILE *file = fopen(path, "r");
    if (file == NULL) {
        snprintf(message, sizeof message, "cannot open %s: %s", path, strerror(errno));
        host->check_result(call, BEARMON_OFFLINE, message);
        regfree(&re);
        return BEARMON_OK;
    }
    char line[4096];
    long number = 0, matched = 0;
    /* Stop when the host's deadline passes: a huge file must not hold the thread. */
    while (fgets(line, sizeof line, file) != NULL && host->remaining_ms(call) > 0) {
        number++;
        if (regexec(&re, line, 0, NULL, 0) == 0) { matched = number; break; }
    }
    fclose(file);
    regfree(&re);
    if (matched) {
        snprintf(message, sizeof message, "line %ld of %s matches", matched, path);
        host->check_result(call, BEARMON_ONLINE, message);
    } else {
        snprintf(message, sizeof message, "no line of %s matches the pattern", path);
        host->check_result(call, BEARMON_OFFLINE, message);
    }
    return BEARMON_OK;
}

static const bearmon_type file_match_type = {
    .struct_size = sizeof(bearmon_type),
    .kind = BEARMON_KIND_CHECK,
    .name = "file_match",
    .summary = "Online while a line of a file matches a regular expression",
    .params = file_match_params,
    .n_params = sizeof file_match_params / sizeof file_match_params[0],
    .max_run_ms = 10000,
    .validate = file_match_validate,
    .run = file_match_run,
    .user_data = NULL,
};

/* ---- the module -------------------------------------------------------------------- */

static const bearmon_type *const types[] = {&file_age_type, &file_match_type};

static const bearmon_module module = {
    .struct_size = sizeof(bearmon_module),
    .abi_major = BEARMON_ABI_MAJOR,
    .abi_minor = BEARMON_ABI_MINOR,
    .toolchain = BEARMON_TOOLCHAIN_C,
    .name = "file-checks",
    .version = "1.0.0",
    .description = "Checks on local files: freshness and content",
    .config_section = NULL,
    .types = types,
    .n_types = sizeof types / sizeof types[0],
};

const bearmon_module *bearmon_plugin_entry_v1(const bearmon_host *h) {
    host = h;
    return &module;
}

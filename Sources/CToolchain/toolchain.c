#include "bearmon_toolchain.h"

const char *bearmon_swift_toolchain_id(void) {
    return "swift/clang " __clang_version__;
}

#ifndef BEARMON_TOOLCHAIN_H
#define BEARMON_TOOLCHAIN_H

/* Identifies the Swift toolchain that compiled the calling image. Swift plugins report it as
 * their toolchain, and the host refuses a Swift plugin whose id differs from its own: Swift's
 * runtime ABI between host and plugin is only trusted when one compiler built both. The id is
 * the toolchain's bundled clang version, which names the exact llvm-project commit. */
const char *bearmon_swift_toolchain_id(void);

#endif

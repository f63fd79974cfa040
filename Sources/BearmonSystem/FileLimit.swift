#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's limit on open file descriptors (RLIMIT_NOFILE). A node raises its soft
/// limit to the hard limit at start, so that inbound connections, probes and the store
/// never compete for the 1024 descriptors a login shell usually grants.
public enum FileLimit {
    /// The soft and hard limits now.
    public static func current() throws -> (soft: UInt64, hard: UInt64) {
        var limit = rlimit()
        try syscall("getrlimit(RLIMIT_NOFILE)") { getrlimit(resourceNofile, &limit) }
        return (UInt64(limit.rlim_cur), UInt64(limit.rlim_max))
    }

    /// Raises the soft limit to the hard limit; returns the soft limit before and after.
    @discardableResult
    public static func raiseToHard() throws -> (before: UInt64, after: UInt64) {
        var limit = rlimit()
        try syscall("getrlimit(RLIMIT_NOFILE)") { getrlimit(resourceNofile, &limit) }
        let before = UInt64(limit.rlim_cur)
        guard limit.rlim_cur < limit.rlim_max else { return (before, before) }
        limit.rlim_cur = limit.rlim_max
        try syscall("setrlimit(RLIMIT_NOFILE)") { setrlimit(resourceNofile, &limit) }
        return (before, UInt64(limit.rlim_cur))
    }

    #if canImport(Glibc)
    private static let resourceNofile = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
    private static let resourceNofile = RLIMIT_NOFILE
    #endif
}

#if canImport(Glibc)
import Glibc
#endif

/// posix_spawn attributes for a child that starts with no signal blocked and every signal at
/// its default: the parent's threads block or catch signals (SIGHUP, SIGTERM, SIGPIPE) for
/// their own use, and a child inheriting that would never see the signal that should stop it.
public enum SpawnAttributes {
    /// Runs `body` with such attributes, destroyed afterwards.
    public static func withDefaultSignals<T>(_ body: (inout posix_spawnattr_t) throws -> T) rethrows -> T {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        return try body(&attributes)
    }
}

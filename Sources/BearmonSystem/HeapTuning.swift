#if canImport(Glibc)
import CMalloc
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the C library's allocator is set up for a long-running node.
public enum HeapTuning {
    /// The size from which a block gets pages of its own, in bytes: glibc's starting value.
    public static let ownPagesFrom: Int32 = 128 * 1024

    /// Keeps ``ownPagesFrom`` as the size from which blocks get pages of their own, which go
    /// back to the system when the block is freed. glibc otherwise raises that size to the
    /// largest block freed so far (up to 32 MiB), after which the multi-megabyte tables a
    /// catalog load builds and drops come from the main heap and their pages stay resident:
    /// a node with 100,000 checks held 370 MiB instead of 200. Left alone when
    /// `operatorSet` (by default: whether `MALLOC_MMAP_THRESHOLD_` is in the environment), so
    /// that an operator's own setting wins. Returns whether the setting was made.
    @discardableResult
    public static func returnLargeBlocks(operatorSet: Bool = getenv("MALLOC_MMAP_THRESHOLD_") != nil) throws -> Bool {
        #if canImport(Glibc)
        guard !operatorSet else { return false }
        guard mallopt(M_MMAP_THRESHOLD, ownPagesFrom) == 1 else { throw SystemError(function: "mallopt(M_MMAP_THRESHOLD)", errno: EINVAL) }
        return true
        #else
        return false
        #endif
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A point on the monotonic clock by which something must finish.
///
/// Wall-clock jumps (NTP, an operator's `date -s`) must not stretch or cut a check's time, so
/// every deadline in bearmon is counted on CLOCK_MONOTONIC.
public struct Deadline: Sendable, Comparable, Hashable {
    /// Nanoseconds on CLOCK_MONOTONIC.
    public let uptimeNanoseconds: UInt64

    /// A deadline at the given monotonic nanosecond count.
    public init(uptimeNanoseconds: UInt64) { self.uptimeNanoseconds = uptimeNanoseconds }

    /// The current monotonic time.
    public static func now() -> Deadline {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Deadline(uptimeNanoseconds: UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec))
    }

    /// `now()` plus `milliseconds` (negative values are treated as zero).
    public static func after(milliseconds: Int64) -> Deadline {
        now().adding(milliseconds: milliseconds)
    }

    /// This deadline moved later by `milliseconds` (negative values move it earlier).
    public func adding(milliseconds: Int64) -> Deadline {
        let delta = Int64(uptimeNanoseconds) + milliseconds * 1_000_000
        return Deadline(uptimeNanoseconds: UInt64(max(0, delta)))
    }

    /// Milliseconds left, rounded up, or a non-positive number once it has passed.
    public var remainingMilliseconds: Int64 {
        let diff = Int64(bitPattern: uptimeNanoseconds &- Deadline.now().uptimeNanoseconds)
        return diff > 0 ? (diff + 999_999) / 1_000_000 : diff / 1_000_000
    }

    /// Whether the deadline has passed.
    public var hasPassed: Bool { Deadline.now() >= self }

    /// The earlier of two deadlines.
    public static func earliest(_ a: Deadline, _ b: Deadline) -> Deadline { min(a, b) }

    /// Orders deadlines by time.
    public static func < (lhs: Deadline, rhs: Deadline) -> Bool {
        lhs.uptimeNanoseconds < rhs.uptimeNanoseconds
    }

    /// Milliseconds from `earlier` to this deadline, as a Double.
    public func milliseconds(since earlier: Deadline) -> Double {
        Double(Int64(bitPattern: uptimeNanoseconds &- earlier.uptimeNanoseconds)) / 1_000_000
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a C call that reports failure as -1 plus errno, retrying on EINTR, and turns a
/// failure into a ``SystemError``. Every errno-style call in bearmon goes through here, so
/// that errors look the same everywhere and EINTR is handled in exactly one place.
@inline(__always)
@discardableResult
public func syscall<T: FixedWidthInteger>(
    _ function: @autoclosure () -> String,
    _ body: () throws -> T
) throws -> T {
    while true {
        let result = try body()
        if result != -1 { return result }
        let err = errno
        if err == EINTR { continue }
        throw SystemError(function: function(), errno: err)
    }
}

/// Like ``syscall(_:_:)`` for C calls that return NULL plus errno on failure.
@inline(__always)
public func syscall<T>(
    _ function: @autoclosure () -> String,
    _ body: () throws -> T?
) throws -> T {
    while true {
        if let result = try body() { return result }
        let err = errno
        if err == EINTR { continue }
        throw SystemError(function: function(), errno: err)
    }
}

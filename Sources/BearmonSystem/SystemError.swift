#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed C call: which function failed, and the errno (or library code) it left behind.
public struct SystemError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The C function that failed, for example "connect".
    public let function: String
    /// The errno value the call left behind.
    public let errno: Int32

    /// Creates an error for `function` that failed with `errno`.
    public init(function: String, errno: Int32) {
        self.function = function
        self.errno = errno
    }

    /// The C library's text for the errno, for example "Connection refused".
    public var reason: String { String(cString: strerror(errno)) }

    /// "connect: Connection refused (errno 111)".
    public var description: String { "\(function): \(reason) (errno \(errno))" }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// systemd's readiness protocol (sd_notify(3)) spoken directly, so that bearmon needs no
/// libsystemd: one datagram of `KEY=VALUE` lines to the unix socket `$NOTIFY_SOCKET` names.
/// A name starting with `@` is in the abstract namespace (its first byte becomes NUL), as
/// systemd hands out for some services; anything else must be an absolute path.
public struct ServiceNotifier: Sendable, CustomStringConvertible {
    /// Why `$NOTIFY_SOCKET` cannot be used.
    public struct AddressError: Error, CustomStringConvertible, Sendable {
        /// What is wrong with the name, and what it must be.
        public let description: String
    }

    /// The socket's name as given (`/run/systemd/notify`, `@/org/freedesktop/...`).
    public let name: String

    /// A notifier for the socket `name`.
    public init(name: String) { self.name = name }

    /// The notifier `$NOTIFY_SOCKET` asks for, or nil when the process was not started by
    /// systemd with `Type=notify` (the variable is unset or empty).
    public static var fromEnvironment: ServiceNotifier? {
        guard let value = getenv("NOTIFY_SOCKET"), value.pointee != 0 else { return nil }
        return ServiceNotifier(name: String(cString: value))
    }

    /// "NOTIFY_SOCKET NAME", for messages.
    public var description: String { "NOTIFY_SOCKET \(name)" }

    /// Sends `state` (for example "READY=1\nSTATUS=serving") as one datagram.
    public func send(_ state: String) throws {
        var address = try socketAddress()
        let socket = try syscall("socket") { Glibc.socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0) }
        defer { close(socket) }
        let bytes = Array(state.utf8)
        let length = socklen_t(MemoryLayout.offset(of: \sockaddr_un.sun_path)! + addressBytes.count)
        try withUnsafePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                try syscall("sendto \(name)") { sendto(socket, bytes, bytes.count, Int32(MSG_NOSIGNAL), raw, length) }
            }
        }
    }

    /// The bytes of `sun_path`: the path, or NUL and the rest of an abstract name.
    private var addressBytes: [UInt8] {
        var bytes = Array(name.utf8)
        if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }
        return bytes
    }

    private func socketAddress() throws(AddressError) -> sockaddr_un {
        let bytes = addressBytes
        guard bytes.first == 0 || bytes.first == UInt8(ascii: "/") else {
            throw AddressError(description: "NOTIFY_SOCKET '\(name)' is neither an absolute path nor an abstract name starting with @")
        }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        // A path needs room for its terminating NUL; an abstract name is counted by length.
        guard bytes.count < capacity, !(bytes.first != 0 && bytes.contains(0)) else {
            throw AddressError(description: "NOTIFY_SOCKET '\(name)' is longer than a unix socket address (\(capacity - 1) bytes) or holds a NUL")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { path in
            path.copyBytes(from: bytes)
        }
        return address
    }
}

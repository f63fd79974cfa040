import BearmonSystem
import Foundation
import Glibc

/// The framing of the plugin-host protocol on a stream socket: a 4-byte big-endian length,
/// then that many bytes of JSON. Both ends treat the other as hostile: a length past
/// ``maximumBytes``, a frame cut short or bytes that are not a message end the conversation
/// (the node then kills and restarts the helper), never the process reading them.
enum IsolationFrame {
    /// The largest payload either side accepts: a check's message is not capped before the
    /// store, and a 1 MiB message of invalid UTF-8 grows to a few MiB of JSON escapes.
    static let maximumBytes = 16 << 20

    /// Why a frame could not be read.
    enum ReadError: Error, CustomStringConvertible {
        /// The length prefix announced more than ``maximumBytes``.
        case oversized(Int)
        /// The peer closed the socket inside a frame.
        case truncated
        /// The socket failed.
        case system(SystemError)

        var description: String {
            switch self {
            case .oversized(let size): "a frame of \(size) bytes, more than the \(IsolationFrame.maximumBytes) allowed"
            case .truncated: "a frame cut short"
            case .system(let error): "\(error)"
            }
        }
    }

    /// Writes one frame; callers serialise writers on one socket. Throws a ``SystemError``.
    static func write(_ payload: Data, to fd: Int32) throws {
        let size = UInt32(payload.count)
        let frame = [UInt8(size >> 24), UInt8(size >> 16 & 0xff), UInt8(size >> 8 & 0xff), UInt8(size & 0xff)] + [UInt8](payload)
        var sent = 0
        while sent < frame.count {
            sent += try frame.withUnsafeBytes { raw in
                try syscall("send") { Glibc.send(fd, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL)) }
            }
        }
    }

    /// Reads one frame; nil when the peer closed the socket between frames. Throws a ``ReadError``.
    static func read(from fd: Int32) throws -> Data? {
        var header = [UInt8](repeating: 0, count: 4)
        guard try fill(&header, from: fd, atStart: true) else { return nil }
        let size = Int(header[0]) << 24 | Int(header[1]) << 16 | Int(header[2]) << 8 | Int(header[3])
        guard size <= maximumBytes else { throw ReadError.oversized(size) }
        var payload = [UInt8](repeating: 0, count: size)
        guard try fill(&payload, from: fd, atStart: false) else { throw ReadError.truncated }
        return Data(payload)
    }

    /// Fills `buffer`; false when the socket closed before the first byte of a frame.
    private static func fill(_ buffer: inout [UInt8], from fd: Int32, atStart: Bool) throws -> Bool {
        var filled = 0
        while filled < buffer.count {
            let count: Int
            do {
                count = try buffer.withUnsafeMutableBytes { raw in
                    try syscall("recv") { Glibc.recv(fd, raw.baseAddress! + filled, raw.count - filled, 0) }
                }
            } catch let error as SystemError {
                throw ReadError.system(error)
            }
            if count == 0 {
                if filled == 0 && atStart { return false }
                throw ReadError.truncated
            }
            filled += count
        }
        return true
    }
}

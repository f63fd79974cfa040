import BearmonSystem
import Foundation
import Glibc

/// HTTP/1.1 over a raw loopback socket, for requests no ordinary client sends: a Host
/// header of the test's choosing, and bodies that never finish.
enum RawHTTP {
    /// Header lines for `headers`.
    static func lines(_ headers: [(String, String)]) -> String {
        headers.map { "\($0.0): \($0.1)\r\n" }.joined()
    }

    /// Connects to 127.0.0.1:`port` and sends `text`, leaving the connection open.
    static func open(port: UInt16, _ text: String) throws -> Socket {
        let socket = try Socket.connected(to: HostPort(host: "127.0.0.1", port: port), deadline: .after(milliseconds: 5_000))
        try socket.send(Array(text.utf8), deadline: .after(milliseconds: 5_000))
        return socket
    }

    /// The status of the answer on `socket` and its text (head and what came of the body).
    static func answer(on socket: Socket, timeout: Double) throws -> (status: Int, text: String) {
        let deadline = Deadline.after(milliseconds: Int64(timeout * 1000))
        var bytes: [UInt8] = []
        while bytes.count < 1 << 16 {
            let text = String(decoding: bytes, as: UTF8.self)
            if let end = text.range(of: "\r\n\r\n"), let length = text.range(of: "(?i)content-length: *([0-9]+)", options: .regularExpression)
                .flatMap({ Int(text[$0].split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }),
               text[end.upperBound...].utf8.count >= length {
                break
            }
            let chunk = try socket.receive(maxBytes: 4096, deadline: deadline)
            if chunk.isEmpty { break }
            bytes += chunk
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return (text.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0, text)
    }

    /// Just the status of the answer on `socket`.
    static func status(of socket: Socket, timeout: Double) throws -> Int {
        try answer(on: socket, timeout: timeout).status
    }

    /// Whether the server closes `socket` within `timeout` (whatever else it sends first).
    static func closes(_ socket: Socket, timeout: Double) -> Bool {
        let deadline = Deadline.after(milliseconds: Int64(timeout * 1000))
        do {
            while try !socket.receive(maxBytes: 4096, deadline: deadline).isEmpty {}
            return true
        } catch {
            // A reset is a close too; a timeout is not.
            return (error as? SystemError)?.errno == ECONNRESET
        }
    }

    /// One request on a fresh connection, and its answer.
    static func send(port: UInt16, _ text: String, timeout: Double = 10) throws -> (status: Int, text: String) {
        try answer(on: open(port: port, text), timeout: timeout)
    }
}

import BearmonSystem
import Glibc

extension DNSExchange {
    /// Sends `query` over UDP and returns the first datagram that answers it. A datagram
    /// that cannot be decoded or answers another query is skipped; when nothing usable
    /// arrives by the deadline, the last such problem is thrown, else ETIMEDOUT.
    func overUDP(_ query: DNSQuery) throws -> DNSReply {
        let socket = try Socket(family: server.family, type: Int32(SOCK_DGRAM.rawValue))
        // A connected UDP socket only hears from the server, and learns of a closed port.
        try socket.connect(to: server, deadline: deadline)
        var unusable: (any Error)?
        for _ in 0..<Self.maxSends {
            if deadline.hasPassed { break }
            try socket.send(query.wire, deadline: deadline)
            let resendAt = Deadline.earliest(deadline, .after(milliseconds: Self.resendMilliseconds))
            for _ in 0..<Self.maxDatagramsPerSend {
                guard let datagram = try receive(on: socket, until: resendAt) else { break }
                do {
                    let reply = try DNSReply(wire: datagram)
                    if answers(reply, query) { return reply }
                } catch {
                    unusable = error
                }
            }
        }
        throw unusable ?? SystemError(function: "recv", errno: ETIMEDOUT)
    }

    /// The next datagram, or nil once `until` passes.
    private func receive(on socket: Socket, until: Deadline) throws -> [UInt8]? {
        do {
            return try socket.receive(maxBytes: Self.maxMessageBytes, deadline: until)
        } catch let error as SystemError where error.errno == ETIMEDOUT {
            return nil
        }
    }
}

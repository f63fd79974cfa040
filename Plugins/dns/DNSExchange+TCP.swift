import BearmonSystem

extension DNSExchange {
    /// Sends `query` over TCP with its two-byte length prefix (RFC 1035 4.2.2) and reads
    /// the one reply.
    func overTCP(_ query: DNSQuery) throws -> DNSReply {
        let socket = try Socket(family: server.family)
        try socket.connect(to: server, deadline: deadline)
        let length = UInt16(query.wire.count)
        try socket.send([UInt8(length >> 8), UInt8(length & 0xff)] + query.wire, deadline: deadline)
        let prefix = try socket.receiveFully(count: 2, deadline: deadline)
        guard prefix.count == 2 else { throw DNSExchangeError.closedEarly(received: prefix.count, expected: 2) }
        let size = Int(prefix[0]) << 8 | Int(prefix[1])
        let message = try socket.receiveFully(count: size, deadline: deadline)
        guard message.count == size else { throw DNSExchangeError.closedEarly(received: message.count, expected: size) }
        let reply = try DNSReply(wire: message)
        guard answers(reply, query) else { throw DNSExchangeError.mismatchedReply }
        return reply
    }
}

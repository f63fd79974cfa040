import BearmonSystem
import Glibc

extension PingRun {
    /// Sends request `sequence`; a send that fails (no route, a failed neighbour lookup)
    /// counts as sent and lost, as ping counts it, and its error is kept for the message.
    func send(sequence: Int, into statistics: inout PingStatistics) {
        statistics.sent += 1
        let request = EchoMessage(type: echo.family.requestType, identifier: identifier, sequence: UInt16(sequence), payload: token)
        do {
            try echo.socket.send(request.encoded, deadline: deadline)
        } catch {
            statistics.sendFailures += 1
            statistics.lastError = "\(error)"
        }
    }

    /// The next packet that is an echo reply to this run, or nil when `until` passed or the
    /// packet was something else. ICMP errors the kernel reports on the connected socket
    /// (host unreachable) are kept for the message.
    func receive(until: Deadline, into statistics: inout PingStatistics) -> EchoMessage? {
        let packet: [UInt8]
        do {
            packet = try echo.socket.receive(maxBytes: 65_536, deadline: until)
        } catch let error as SystemError where error.errno == ETIMEDOUT {
            return nil
        } catch {
            statistics.lastError = "\(error)"
            return nil
        }
        let hasIPv4Header = echo.kind == .raw && echo.family == .v4
        guard let message = EchoMessage(parsing: packet, hasIPv4Header: hasIPv4Header),
              message.type == echo.family.replyType,
              message.payload == token else { return nil }
        // A ping socket replaces the identifier with its own and only delivers replies to it.
        if echo.kind == .raw, message.identifier != identifier { return nil }
        return message
    }
}

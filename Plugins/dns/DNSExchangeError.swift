/// Why an exchange ended without a usable reply, beyond socket errors and timeouts.
enum DNSExchangeError: Error, CustomStringConvertible {
    /// The TCP connection closed before the whole reply arrived.
    case closedEarly(received: Int, expected: Int)
    /// A TCP reply did not carry the query's id.
    case mismatchedReply
    /// The UDP answer was truncated, and asking again over TCP failed.
    case tcpRetryFailed(any Error)

    var description: String {
        switch self {
        case .closedEarly(let received, let expected):
            "the TCP connection closed after \(received) of \(expected) bytes of the reply"
        case .mismatchedReply:
            "the TCP reply does not answer the query (another message id)"
        case .tcpRetryFailed(let error):
            "the UDP answer was truncated and the TCP retry failed: \(error)"
        }
    }
}

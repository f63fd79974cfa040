/// Reading a known number of bytes, for protocols that frame their messages with a length
/// (DNS over TCP's two-byte prefix, for one).
extension Socket {
    /// Reads until `count` bytes have arrived, the peer closes the connection, or `deadline`
    /// passes (ETIMEDOUT from "recv"). A result shorter than `count` means the peer closed.
    public func receiveFully(count: Int, deadline: Deadline) throws -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            let chunk = try receive(maxBytes: count - bytes.count, deadline: deadline)
            if chunk.isEmpty { break }
            bytes.append(contentsOf: chunk)
        }
        return bytes
    }
}

import COpenSSL

/// Why a TLS handshake did not complete, in words for a check message.
struct TLSError: Error, CustomStringConvertible {
    /// For example "wrong version number" or "timed out after 2.0s".
    let reason: String

    var description: String { reason }

    /// The reason of the newest error on this thread's OpenSSL error queue, which is then
    /// cleared; `fallback` when the queue is empty.
    static func fromQueue(fallback: String) -> TLSError {
        let code = ERR_peek_last_error()
        defer { ERR_clear_error() }
        guard code != 0, let text = ERR_reason_error_string(code) else { return TLSError(reason: fallback) }
        return TLSError(reason: String(cString: text))
    }
}

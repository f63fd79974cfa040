import Foundation
import Synchronization

/// One socket's sending side of the plugin-host protocol: calls answered concurrently write
/// whole frames, one at a time.
final class FrameWriter: Sendable {
    /// The socket written to.
    let fd: Int32
    private let lock = Mutex(())

    /// A writer on `fd`, which the caller owns.
    init(fd: Int32) { self.fd = fd }

    /// Sends `message` as one frame; false when the socket is gone (the peer died).
    @discardableResult
    func send<T: Encodable>(_ message: T) -> Bool {
        let payload = IsolationCodec.encode(message)
        return lock.withLock { _ in (try? IsolationFrame.write(payload, to: fd)) != nil }
    }
}

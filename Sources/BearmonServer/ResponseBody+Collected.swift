import Hummingbird
import HTTPTypes
import NIOCore
import Synchronization

extension ResponseBody {
    /// The whole body in one buffer, for signing it (node-to-node answers are small JSON).
    func collected() async throws -> ByteBuffer {
        let collector = Collector()
        try await write(collector)
        return collector.kept.buffer.withLock { $0 }
    }

    /// A writer that keeps what it is given.
    private struct Collector: ResponseBodyWriter {
        final class Kept: Sendable { let buffer = Mutex(ByteBuffer()) }
        let kept = Kept()

        mutating func write(_ part: ByteBuffer) async throws {
            kept.buffer.withLock { $0.writeImmutableBuffer(part) }
        }

        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}

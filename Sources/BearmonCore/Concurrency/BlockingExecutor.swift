import Dispatch

/// Runs blocking calls (the store's C database APIs) off Swift's cooperative thread pool,
/// which has only as many threads as cores: one slow query there would stall every task.
package final class BlockingExecutor: Sendable {
    private let queue: DispatchQueue

    /// An executor with its own queue named `label`: serial (one call at a time, in order), or
    /// `concurrent`, for calls that may all block at once (node calls, long polls).
    package init(label: String, concurrent: Bool = false) {
        queue = DispatchQueue(label: label, attributes: concurrent ? .concurrent : [])
    }

    /// Runs `body` on the executor's queue and returns its result.
    package func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}

import Foundation

/// Runs blocking work (a subprocess, a server's start-up) on a thread of its own and awaits
/// it. Swift Testing runs tests on the cooperative pool, which has one thread per core: a test
/// that blocks one of them for the 10 s of a ping run would stall the other tests and skew
/// their timings.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

import ServiceLifecycle

/// Runs one of bearmon's long-lived loops as a lifecycle service that stops on graceful
/// shutdown (SIGTERM, SIGINT) by cancelling the loop.
struct ServiceLoop: Service, CustomStringConvertible {
    let description: String
    let body: @Sendable () async -> Void

    func run() async throws {
        try await cancelWhenGracefulShutdown { await body() }
    }
}

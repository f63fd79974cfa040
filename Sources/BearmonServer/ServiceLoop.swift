import ServiceLifecycle

/// Runs one of bearmon's long-lived loops as a lifecycle service that stops on graceful
/// shutdown (SIGTERM, SIGINT) by cancelling the loop.
package struct ServiceLoop: Service, CustomStringConvertible {
    package let description: String
    package let body: @Sendable () async -> Void

    /// A loop named `description` running `body`.
    package init(description: String, body: @escaping @Sendable () async -> Void) {
        self.description = description
        self.body = body
    }

    /// Runs the loop until a graceful shutdown cancels it.
    package func run() async throws {
        try await cancelWhenGracefulShutdown { await body() }
    }
}

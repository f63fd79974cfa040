import BearmonCore
package import BearmonManagement
package import BearmonPlugins
package import BearmonStore
package import BearmonMetrics
import Foundation
package import Logging

/// Delivers outbox rows through the contact plugins: each (flip, contact) row on its own
/// task with its own retries, so a slow or failing contact never delays another. It claims
/// rows only under the controller's current view, and records every outcome.
package actor OutboxSender {
    let store: any Store
    let storeQueue = BlockingExecutor(label: "bearmon.outbox.store")
    let host: PluginHost
    let logger: Logger
    let policy: RetryPolicy
    let view: @Sendable () async -> Int64?
    let changes = ChangeSignal()
    /// Rows being delivered now, so a claim that outlives its lease is not started twice.
    var inFlight: Set<Int64> = []
    /// The deliveries under way, each on its own task; `run` cancels and waits for them on
    /// its way out.
    let deliveries = TaskSet()
    /// The most deliveries under way at once.
    let concurrency: Int
    /// How long a claim holds a row before another sender may take it, in milliseconds.
    let lease: Duration
    /// For tests of crash recovery only (``NodeHooks/holdOutbox``): the sender claims nothing.
    let held: Bool
    /// Where each delivery attempt's outcome is counted for `/metrics`, if anywhere.
    let metrics: NodeMetrics?
    /// Makes the acknowledge link offline notifications carry (`[notify] publicURL`), if set.
    let links: AckLinks?

    /// A sender for `store`'s outbox, acting under whatever `view` returns (nil: do not send).
    package init(store: any Store, host: PluginHost, policy: RetryPolicy = RetryPolicy(), concurrency: Int = 32,
                logger: Logger = Logger(label: "bearmon.outbox"), hold: Bool = false, metrics: NodeMetrics? = nil, links: AckLinks? = nil,
                view: @escaping @Sendable () async -> Int64?) {
        held = hold
        self.links = links
        self.metrics = metrics
        self.store = store
        self.host = host
        self.policy = policy
        self.concurrency = concurrency
        self.logger = logger
        self.view = view
        let longestContact = host.registry.types.filter { $0.kind == .contact }.map(\.maxRunMilliseconds).max() ?? 30_000
        lease = .milliseconds(longestContact) + .seconds(30)
    }

    /// Nudges the sender to look for due rows now (after a flip was written).
    package nonisolated func wake() { changes.signal() }

    /// Claims and delivers due rows until cancelled; then cancels the deliveries under way
    /// and waits for them, so that each gives its row back or records its outcome.
    package func run() async {
        while !Task.isCancelled {
            await sendDue()
            await changes.wait(milliseconds: 1_000)
        }
        await stop()
    }

    /// Cancels the deliveries under way and returns when they have ended.
    package func stop() async {
        deliveries.cancelAll()
        await deliveries.waitAll()
    }

    /// One round: claims what is due (as many as there are free delivery slots) and starts
    /// delivering each.
    package func sendDue() async {
        let free = concurrency - inFlight.count
        guard free > 0, !held, let view = await view() else { return }
        let now = wallMilliseconds()
        let claimed: [OutboxEntry]
        do {
            let lease = self.lease
            claimed = try await storeQueue.run { [store] in try store.claimOutbox(now: now, limit: free, lease: lease, view: view) }
        } catch {
            logger.warning("cannot claim outbox rows: \(error)")
            return
        }
        for entry in claimed where inFlight.insert(entry.id).inserted {
            deliveries.run { await self.deliver(entry, view: view) }
        }
    }

    func finished(_ id: Int64) {
        inFlight.remove(id)
        changes.signal()
    }
}

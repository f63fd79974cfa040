package import BearmonCore
import BearmonPlugins
import Dispatch
import Synchronization

extension LocalCatalog {
    /// How much longer than its type's longest run a test's claim lasts, so that no outbox
    /// sender picks the row up while the test is still delivering it.
    static let testLeaseMargin = Duration.seconds(30)

    /// Writes a `test` row for the contact (claimed by this call), delivers it the way the
    /// outbox sender would, records the one attempt, and reports it.
    package func testContact(_ id: Int64) throws(CatalogError) -> TestNotificationResource {
        let contact = try contactRow(id)
        let longest = (try? host.type(.contact, contact.type).maxRunMilliseconds).map { Int64($0) } ?? 30_000
        let lease = Duration.milliseconds(longest) + Self.testLeaseMargin
        let entry = try stored { try store.queueTestNotification(contactID: id, now: now(), lease: lease) }
        let outcome = Self.awaiting { [host] in await host.deliver(entry) }
        let recorded: OutboxOutcome = outcome.status == .delivered ? .delivered(receipt: outcome.receipt) : .failed(error: outcome.error)
        try stored { try store.completeTestNotification(entry.id, outcome: recorded, now: now()) }
        return TestNotificationResource(entry, outcome: outcome)
    }

    /// Runs `body` from blocking code (the catalog's contract) and waits for its result. The
    /// caller is off the cooperative pool, which `body` runs on; a delivery is bounded by its
    /// type's deadline.
    private static func awaiting<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
        let done = DispatchSemaphore(value: 0)
        let result = Mutex<T?>(nil)
        Task.detached {
            let value = await body()
            result.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        return result.withLock { $0! }
    }
}

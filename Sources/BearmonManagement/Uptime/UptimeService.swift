package import BearmonCore
package import BearmonStore
import Foundation

/// What the uptime JSON and the badges read about one check, with the one visibility rule
/// they share: a caller who may read (``CheckVisibility/reader``) sees any check; anyone else
/// only checks marked public, and a private check is refused exactly as a missing one is, so
/// that its existence does not leak. Blocking: call it off the cooperative pool.
package struct UptimeService: Sendable {
    /// Who is asking.
    package enum CheckVisibility: Sendable {
        /// A caller the access rule lets read (token, session, or open reads): every check.
        case reader
        /// Anyone else: public checks only.
        case anonymous
    }

    /// One check as a badge shows it.
    package struct Subject: Sendable {
        /// The stored row.
        package let row: CheckRow
        /// Its tags (maintenance windows may name them).
        package let tags: [String]
        /// Whether it is marked public.
        package let isPublic: Bool
    }

    let store: any Store
    /// `[status] timezone`: where days and the calendar month are cut.
    let days: DayCalendar
    /// The clock, unix ms (a seam for tests).
    let now: @Sendable () -> Int64

    /// A service over `store`, cutting days in `days`.
    package init(store: any Store, days: DayCalendar, now: @escaping @Sendable () -> Int64 = LocalCatalog.wallClock) {
        self.store = store
        self.days = days
        self.now = now
    }

    /// The check `id` if `visibility` may see it; otherwise the same 404 as a missing check.
    package func subject(_ id: Int64, _ visibility: CheckVisibility) throws(CatalogError) -> Subject {
        let missing = CatalogError(.notFound, "check \(id) does not exist")
        guard id > 0 else { throw missing }
        let found = try Self.stored { () throws -> Subject? in
            guard let row = try store.checkRow(id) else { return nil }
            let labels = try store.checkLabels(id)
            return Subject(row: row, tags: labels.tags, isPublic: labels.isPublic)
        }
        guard let found, found.isPublic || visibility == .reader else { throw missing }
        return found
    }

    /// Uptime ratios of `subject` per window ("24h", "7d", "30d", "90d", "month"), nil where
    /// nothing was monitored.
    package func uptime(of subject: Subject) throws(CatalogError) -> [String: Double?] {
        try Self.stored {
            try UptimeReader(store: store, days: days).uptime(checkID: subject.row.id, intervalSeconds: subject.row.interval, tags: subject.tags, now: now())
        }
    }

    /// Mean latency (ms) of `subject` per latency window ("24h", "7d", "30d"), nil without results.
    package func latency(of subject: Subject) throws(CatalogError) -> [String: Double?] {
        try Self.stored { try UptimeReader(store: store, days: days).meanLatency(checkID: subject.row.id, now: now()) }
    }

    /// Runs a store call; its failure is a 503 that keeps the cause.
    private static func stored<T>(_ body: () throws -> T) throws(CatalogError) -> T {
        do {
            return try body()
        } catch {
            throw CatalogError(.unavailable, "the store is unavailable: \(error)")
        }
    }
}

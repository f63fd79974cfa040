/// What every pushed message carries besides its own fields: who sent it, when, and for how
/// long it stays fresh and is kept.
package protocol PushedMessage: Codable, Sendable {
    /// Who sent it.
    var service: MonitorService? { get }
    /// Unix seconds; bearmon stores the clamped one.
    var timestamp: Double? { get set }
    /// Seconds until it is stale.
    var interval: Int64? { get }
    /// Seconds until it expires.
    var ttl: Int64? { get }
    /// The message as stored and answered to queries: compact JSON, keys sorted.
    func storedJSON() throws -> String
}

extension PushedMessage {
    /// Through `JSONEncoder`: stats, which come seldom. Healthchecks and statuses, which come
    /// every few seconds from every service, write theirs with ``JSONWriter``.
    package func storedJSON() throws -> String { try MonitorJSON.text(self) }
}

extension MonitorHealthCheck: PushedMessage {}
extension MonitorStatus: PushedMessage {}
extension MonitorStats: PushedMessage {}

extension KeyedDecodingContainer where K == MonitorKey {
    /// The fields of ``PushedMessage``, in camelCase or snake_case.
    func envelope() throws -> (service: MonitorService?, timestamp: Double?, interval: Int64?, ttl: Int64?) {
        (try message("service"), try number("timestamp"), try integer("interval"), try integer("ttl"))
    }
}

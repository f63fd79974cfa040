package import BearmonCore
import Foundation

/// Turns a pushed message into the row the store keeps: reads the node's id, applies the
/// `[push]` defaults and caps, and clamps the client's timestamp to when the push arrived.
package struct PushIntake {
    /// The caps and defaults.
    let settings: PushSettings
    /// When the push arrived, unix milliseconds: freshness is judged from this, never from
    /// the client's clock.
    let receivedAt: Int64

    /// A value from its parts.
    package init(settings: PushSettings, receivedAt: Int64) {
        self.settings = settings
        self.receivedAt = receivedAt
    }

    /// The column lengths of the push tables (MySQL's VARCHARs), enforced on both backends.
    static let idLimit = 255, versionLimit = 64, infoLimit = 1024

    /// What every kind of push shares, checked.
    private struct Envelope {
        let nodeID, serviceName, serviceVersion: String
        let timestamp, intervalSeconds, ttlSeconds: Int64
        /// The timestamp to show: the clamped one, in unix seconds.
        var seconds: Double { Double(timestamp) / 1_000 }
    }

    /// Decodes `body` as a message of `kind` and makes its row.
    package func row(_ kind: PushKind, body: [UInt8]) throws(PushRefusal) -> PushRow {
        switch kind {
        case .healthCheck: try row(healthCheck: decode(MonitorHealthCheck.self, body))
        case .status: try row(status: decode(MonitorStatus.self, body))
        case .stats: try row(stats: decode(MonitorStats.self, body))
        }
    }

    /// The row of a healthcheck.
    package func row(healthCheck message: MonitorHealthCheck) throws(PushRefusal) -> PushRow {
        guard let id = message.id, !id.isEmpty else { throw .badRequest("id is required: the healthcheck's id, for example go.micro.healthcheck.ping") }
        try checkKey("id", id)
        let results = message.results?.count ?? 0
        guard results <= settings.maxResults else { throw .badRequest("results has \(results) entries; at most \(settings.maxResults) are accepted") }
        var row = try row(.healthCheck, message)
        row.healthCheckID = id
        row.status = message.status ?? 0
        return row
    }

    /// The row of a status.
    package func row(status message: MonitorStatus) throws(PushRefusal) -> PushRow {
        try checkLength("info", message.info ?? "", limit: Self.infoLimit)
        var row = try row(.status, message)
        row.status = message.status ?? 0
        row.info = message.info ?? ""
        return row
    }

    /// The row of a stats message.
    package func row(stats message: MonitorStats) throws(PushRefusal) -> PushRow {
        try row(.stats, message)
    }

    /// The row's common columns, and the message stored with its clamped timestamp.
    private func row(_ kind: PushKind, _ message: some PushedMessage) throws(PushRefusal) -> PushRow {
        let envelope = try envelope(message)
        var stored = message
        stored.timestamp = envelope.seconds
        return PushRow(kind: kind, nodeID: envelope.nodeID, serviceName: envelope.serviceName, serviceVersion: envelope.serviceVersion,
                       timestamp: envelope.timestamp, receivedAt: receivedAt, intervalSeconds: envelope.intervalSeconds,
                       ttlSeconds: envelope.ttlSeconds, body: try encode(stored))
    }

    /// One decoder for every push: it holds no state between calls, and making one per push showed in the profile.
    private static let decoder = JSONDecoder()

    private func decode<T: Decodable>(_ type: T.Type, _ body: [UInt8]) throws(PushRefusal) -> T {
        let depth = MonitorJSON.depth(of: body, limit: settings.maxDepth)
        guard depth <= settings.maxDepth else { throw .badRequest("the body nests deeper than \(settings.maxDepth) levels of objects and arrays") }
        do {
            return try Self.decoder.decode(T.self, from: Data(body))
        } catch {
            throw .badRequest(MonitorJSON.reason(error))
        }
    }

    private func envelope(_ message: some PushedMessage) throws(PushRefusal) -> Envelope {
        guard let service = message.service, let nodeID = service.nodeID else {
            throw .badRequest("the node's id is required: service.nodes[0].id (service.id in older messages)")
        }
        try checkKey(service.nodes?.first == nil ? "service.id" : "service.nodes[0].id", nodeID)
        try checkLength("service.name", service.name ?? "", limit: Self.idLimit)
        try checkLength("service.version", service.version ?? "", limit: Self.versionLimit)
        return Envelope(
            nodeID: nodeID, serviceName: service.name ?? "", serviceVersion: service.version ?? "",
            timestamp: clamped(message.timestamp),
            intervalSeconds: try seconds("interval", message.interval, default: settings.defaultIntervalSeconds),
            ttlSeconds: try seconds("ttl", message.ttl, default: settings.defaultTTLSeconds)
        )
    }

    /// The client's timestamp in milliseconds, never later than when the push arrived; a
    /// missing one is the arrival time.
    private func clamped(_ seconds: Double?) -> Int64 {
        guard let seconds, seconds > 0, seconds < Double(receivedAt) else { return receivedAt }
        return min(Int64(seconds * 1_000), receivedAt)
    }

    /// `interval` or `ttl`: proto3 sends 0 for "not set", so 0 takes the default too. A value
    /// past `[push] maxTTL` is clamped to it rather than refused: monitor-srv clients that ask
    /// for a long life keep working, and none gets more than the node allows.
    private func seconds(_ field: String, _ value: Int64?, default fallback: Int64) throws(PushRefusal) -> Int64 {
        guard let value, value != 0 else { return min(fallback, settings.maxTTLSeconds) }
        guard value > 0 else { throw .badRequest("\(field) must be a positive number of seconds, got \(value)") }
        return min(value, settings.maxTTLSeconds)
    }

    /// A key (an id, a node's id) as it will be compared: no longer than its column, and
    /// without control characters or whitespace at either end, which MySQL's PAD SPACE
    /// comparison would ignore (`"x "` is `"x"` there, another row on SQLite).
    private func checkKey(_ field: String, _ value: String) throws(PushRefusal) {
        try checkLength(field, value, limit: Self.idLimit)
        // Printable ASCII inside, no space at either end: nearly every key, judged without
        // looking up Unicode properties for each scalar.
        let bytes = value.utf8
        if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }), bytes.first != 0x20, bytes.last != 0x20 { return }
        if let control = value.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            throw .badRequest("\(field) contains the control character U+\(String(control.value, radix: 16, uppercase: true)); ids are printable text")
        }
        if let first = value.unicodeScalars.first, let last = value.unicodeScalars.last,
           first.properties.isWhitespace || last.properties.isWhitespace {
            throw .badRequest("\(field) starts or ends with whitespace; send it trimmed")
        }
    }

    private func checkLength(_ field: String, _ value: String, limit: Int) throws(PushRefusal) {
        // Code points, as the columns count them; a key is refused, never cut (cut keys collide).
        let length = value.unicodeScalars.count
        guard length <= limit else { throw .badRequest("\(field) is \(length) characters; at most \(limit) are accepted") }
    }

    private func encode(_ message: some PushedMessage) throws(PushRefusal) -> String {
        do { return try message.storedJSON() } catch { throw .badRequest("cannot store the message: \(error)") }
    }
}

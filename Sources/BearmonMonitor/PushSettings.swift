package import BearmonConfig
import BearmonCore

/// How the passive monitoring API (monitor-srv's) takes pushes: `[push]` in the config.
package struct PushSettings: Sendable, Equatable {
    /// Seconds a push is fresh for when it names no `interval` (`[push] interval`, 60 s).
    package var defaultIntervalSeconds: Int64 = 60
    /// Seconds a push is kept for when it names no `ttl` (`[push] ttl`, 120 s).
    package var defaultTTLSeconds: Int64 = 120
    /// When set, a push must carry `Authorization: Bearer TOKEN` (`[push] token`).
    package var token: String?
    /// The largest push body accepted, in bytes (`[push] maxBody`, 1 MiB; at most the node's
    /// cap on any request, ``RequestBodyLimit``).
    package var maxBodyBytes = 1 << 20
    /// How often the reaper runs, in milliseconds (`[push] reap`, 10 s; at most 10 s).
    package var reapInterval: Duration = .seconds(10)
    /// The deepest nesting of arrays and objects a push may have.
    package var maxDepth = 32
    /// The most `results` entries a healthcheck may carry.
    package var maxResults = 256
    /// The most entries stored over healthchecks, status and stats (`[push] maxEntries`,
    /// 100000): a push that would add a new one past it is refused with 429; updates of
    /// existing entries are always taken.
    package var maxEntries = 100_000
    /// The longest `ttl` or `interval` a push keeps, in seconds (`[push] maxTTL`, 7d): longer
    /// ones are clamped to it, so that no client can make an entry live for years.
    package var maxTTLSeconds: Int64 = 7 * 86_400
    /// Pushes and queries waiting for or holding the push lane's connection before more are
    /// shed with 503 and `Retry-After` (not a config key: tests set it through ``NodeHooks``).
    package var laneCapacity = 512
    /// The most pushes written in one transaction (group commit).
    package var batchSize = 256

    /// The defaults.
    package init() {}

    /// `[push]` from `config`; every bad value names the file and line.
    package static func from(_ config: Config) throws(ConfigError) -> PushSettings {
        var settings = PushSettings()
        if let interval = try config.milliseconds("push", "interval") { settings.defaultIntervalSeconds = max(1, interval / 1_000) }
        if let ttl = try config.milliseconds("push", "ttl") { settings.defaultTTLSeconds = max(1, ttl / 1_000) }
        if let token = config.string("push", "token"), !token.isEmpty { settings.token = token }
        if let maxBody = try config.int("push", "maxBody") {
            guard maxBody > 0 else { throw config.error("push", "maxBody", "must be a positive number of bytes") }
            guard maxBody <= RequestBodyLimit.bytes else {
                throw config.error("push", "maxBody", "must be at most \(RequestBodyLimit.bytes) bytes, the node's cap on any request body")
            }
            settings.maxBodyBytes = maxBody
        }
        if let maxEntries = try config.int("push", "maxEntries") {
            guard maxEntries > 0 else { throw config.error("push", "maxEntries", "must be a positive number of entries") }
            settings.maxEntries = maxEntries
        }
        if let maxTTL = try config.milliseconds("push", "maxTTL") {
            guard maxTTL / 1_000 >= 1, maxTTL / 1_000 <= Int64(Int32.max) else {
                throw config.error("push", "maxTTL", "must be between 1s and \(Int32.max) seconds")
            }
            settings.maxTTLSeconds = maxTTL / 1_000
        }
        settings.defaultIntervalSeconds = min(settings.defaultIntervalSeconds, settings.maxTTLSeconds)
        settings.defaultTTLSeconds = min(settings.defaultTTLSeconds, settings.maxTTLSeconds)
        if let reap = try config.duration("push", "reap") {
            // monitor-srv reaps every minute; bearmon promises stale entries show within 10 s.
            guard reap <= .seconds(10) else { throw config.error("push", "reap", "must be at most 10s, so that stale pushes show within seconds") }
            settings.reapInterval = reap
        }
        return settings
    }
}

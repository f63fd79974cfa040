package import BearmonConfig
import BearmonCore

/// The timings of views as leases. The viewserver grants a view for `lease`,
/// renewed by each ping; a candidate stops acting `margin` before its lease ends,
/// and the viewserver grants a new view only after the old lease has surely run out: the last
/// ping it sent, plus the ping timeout (a ping may arrive late), plus the lease, plus the
/// margin, all on monotonic clocks. It stops offering the grant once the holder has missed
/// `suspect` of pings, so that the old lease starts running out.
package struct LeaseSettings: Sendable, Equatable {
    /// How often the viewserver pings each candidate.
    package var pingInterval: Duration = .milliseconds(200)
    /// How long a ping may take before it counts as failed.
    package var pingTimeout: Duration = .milliseconds(150)
    /// How long a grant lasts after a candidate receives a ping.
    package var lease: Duration = .milliseconds(1_200)
    /// Safety on each side of the lease.
    package var margin: Duration = .milliseconds(100)

    /// The defaults: a dead controller is replaced about 2.5 s after it stops answering. The
    /// holder stops at receipt + 1100 ms at the latest; the viewserver grants anew at
    /// last ping sent + 1450 ms, and a ping arrives within 150 ms of being sent or not at all.
    package init() {}

    /// How long after its last grant ping the viewserver must wait before granting anew.
    package var revocation: Duration { pingTimeout + lease + margin }

    /// How long the holder may go without answering before the viewserver revokes its grant:
    /// four missed pings, so that a lost packet or a busy moment never fails the controller
    /// over (gobearmon failed over on one).
    package var suspect: Duration { pingInterval * 4 + pingTimeout }

    /// `[viewserver] lease` and `pinginterval` in milliseconds, when set.
    package static func from(_ config: Config) throws(ConfigError) -> LeaseSettings {
        var settings = LeaseSettings()
        if let lease = try config.int("viewserver", "lease") {
            guard lease >= 500, lease <= WireRange.leaseMilliseconds.upperBound else {
                throw config.error("viewserver", "lease", "must be between 500 and \(WireRange.leaseMilliseconds.upperBound) (milliseconds)")
            }
            settings.lease = .milliseconds(lease)
        }
        if let interval = try config.int("viewserver", "pingInterval") {
            guard interval >= 50, Duration.milliseconds(interval) * 2 <= settings.lease else {
                throw config.error("viewserver", "pingInterval", "must be at least 50 and at most half the lease (milliseconds)")
            }
            settings.pingInterval = .milliseconds(interval)
            settings.pingTimeout = .milliseconds(max(100, interval * 5 / 6))
        }
        return settings
    }
}

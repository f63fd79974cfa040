import BearmonConfig
import BearmonSystem
import Logging

extension NodeServer {
    /// Raises the open-file limit to its hard limit (logged), and returns `settings` with
    /// `maxConnections` clamped to half of that limit, so that inbound connections can never
    /// take the descriptors probes, plugins and the store need.
    static func connectionLimits(_ settings: ServerSettings, logger: Logger) -> ServerSettings {
        var settings = settings
        let available: UInt64
        do {
            let (before, after) = try FileLimit.raiseToHard()
            if after > before {
                logger.info("raised the open-file limit (RLIMIT_NOFILE) from \(before) to its hard limit \(after)")
            }
            available = after
        } catch {
            logger.warning("cannot raise the open-file limit (RLIMIT_NOFILE): \(error)")
            available = (try? FileLimit.current().soft) ?? 1_024
        }
        let ceiling = Int(clamping: available / 2)
        if settings.maxConnections > ceiling {
            logger.warning("[server] maxConnections \(settings.maxConnections) lowered to \(max(ServerSettings.minimumConnections, ceiling)), half the open-file limit \(available), so that probes keep descriptors; raise the hard limit (LimitNOFILE= in a systemd unit) to allow more")
            settings.maxConnections = max(ServerSettings.minimumConnections, ceiling)
        }
        return settings
    }
}

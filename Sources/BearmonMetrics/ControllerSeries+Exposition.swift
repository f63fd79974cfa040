extension ControllerSeries {
    /// The plugin metric of `ssl_expire` that holds the certificate's notAfter, unix seconds.
    static let expiryMetric = "expiry_timestamp"

    /// Writes the controller's families into `writer`.
    func write(into writer: inout ExpositionWriter) {
        writer.family("bearmon_controller_view", .gauge, help: "The view number this node holds as the cluster's controller.")
        writer.sample("bearmon_controller_view", Double(view))
        writer.family("bearmon_workers_alive", .gauge, help: "Workers that exchanged with the controller recently.")
        writer.sample("bearmon_workers_alive", Double(workersAlive))
        if let outboxPending {
            writer.family("bearmon_outbox_pending", .gauge, help: "Notifications in the outbox waiting to be sent.")
            writer.sample("bearmon_outbox_pending", Double(outboxPending))
        }
        let ids = checks.map { String($0.id) }
        writer.family("bearmon_check_info", .gauge, help: "A check's name and type; always 1.")
        for (check, id) in zip(checks, ids) {
            writer.sample("bearmon_check_info", ["check_id": id, "name": check.name, "type": check.type], 1)
        }
        writer.family("bearmon_check_up", .gauge, help: "1 when the check is online, 0 when offline; absent while unknown.")
        for (check, id) in zip(checks, ids) {
            if let up = check.up { writer.sample("bearmon_check_up", ["check_id": id], up ? 1 : 0) }
        }
        writer.family("bearmon_check_latency_seconds", .gauge, help: "How long the check's last run took.")
        for (check, id) in zip(checks, ids) {
            if let latency = check.latencySeconds { writer.sample("bearmon_check_latency_seconds", ["check_id": id], latency) }
        }
        writer.family("bearmon_check_flips_total", .counter, help: "Status changes of the check written by this process.")
        for (check, id) in zip(checks, ids) {
            writer.sample("bearmon_check_flips_total", ["check_id": id], Double(check.flips))
        }
        writer.family("bearmon_check_uptime_ratio", .gauge, help: "Time online over time monitored in the window (refreshed every minute).")
        for (check, id) in zip(checks, ids) {
            for (window, ratio) in check.uptime { writer.sample("bearmon_check_uptime_ratio", ["check_id": id, "window": window], ratio) }
        }
        writer.family("bearmon_check_metric", .gauge, help: "Measurements the check's plugin reported with its last result, in base units.")
        for (check, id) in zip(checks, ids) {
            var seen: Set<String> = []
            for metric in check.metrics {
                let (name, value) = BaseUnit.convert(metric)
                // Two metrics of one result that convert to one name would be one series twice.
                guard seen.insert(name).inserted else { continue }
                writer.sample("bearmon_check_metric", ["check_id": id, "metric": name], value)
            }
        }
        writer.family("bearmon_tls_cert_expiry_timestamp_seconds", .gauge, help: "When the certificate an ssl_expire check last read expires, unix seconds.")
        for (check, id) in zip(checks, ids) where check.type == "ssl_expire" {
            if let expiry = check.metrics.first(where: { $0.name == Self.expiryMetric }) {
                writer.sample("bearmon_tls_cert_expiry_timestamp_seconds", ["check_id": id], expiry.value)
            }
        }
    }
}

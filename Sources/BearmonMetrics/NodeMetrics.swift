import BearmonCore
import Prometheus
import Synchronization

/// One node's `/metrics`: its own `bearmon_node_*` and `process_*` series and its in-process
/// counters in a swift-prometheus registry, plus, on the acting controller, the per-check
/// series (``ControllerSeries``). Counters live as long as the process and only go up.
package final class NodeMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let isController: Gauge
    private let cpu: Counter
    /// The CPU seconds already added to `cpu`, so that each scrape adds only what is new.
    private let cpuCounted = Mutex<Double>(0)
    private let resident, virtual, openFDs, maxFDs, startTime: Gauge

    /// The metrics of node `node` in `role` ("standalone", "worker" or "viewserver").
    package init(node: String, role: String) {
        registry.makeGauge(descriptor: Self.named("bearmon_node_info", help: "This node's name, role and bearmon version; always 1."), labels: [("node", node), ("role", role), ("version", BearmonVersion.current)]).set(to: 1)
        isController = registry.makeGauge(descriptor: Self.named("bearmon_node_is_controller", help: "1 while this node acts as the controller, else 0."))
        cpu = registry.makeCounter(descriptor: Self.named("process_cpu_seconds_total", help: "Total user and system CPU time spent in seconds."))
        resident = registry.makeGauge(descriptor: Self.named("process_resident_memory_bytes", help: "Resident memory size in bytes."))
        virtual = registry.makeGauge(descriptor: Self.named("process_virtual_memory_bytes", help: "Virtual memory size in bytes."))
        openFDs = registry.makeGauge(descriptor: Self.named("process_open_fds", help: "Number of open file descriptors."))
        maxFDs = registry.makeGauge(descriptor: Self.named("process_max_fds", help: "Maximum number of open file descriptors."))
        startTime = registry.makeGauge(descriptor: Self.named("process_start_time_seconds", help: "Start time of the process since unix epoch in seconds."))
    }

    /// Counts one delivery attempt's outcome ("delivered", "retry" or "failed") of a
    /// notification of `kind` to a contact of `contactType`.
    package func countNotification(contactType: String, kind: String, outcome: String) {
        registry.makeCounter(descriptor: Self.named("bearmon_notifications_total", help: "Notification delivery attempts made by this process, by outcome."), labels: [("contact_type", contactType), ("kind", kind), ("outcome", outcome)]).increment()
    }

    /// The exposition: this node's series, and `controller`'s when it acts as the controller.
    package func exposition(controller: ControllerSeries?) -> [UInt8] {
        isController.set(to: controller == nil ? 0 : 1)
        update(ProcessStats.current())
        var bytes = registry.emitToBuffer()
        if let controller {
            var writer = ExpositionWriter(capacity: 256 * controller.checks.count)
            controller.write(into: &writer)
            bytes += writer.bytes
        }
        return bytes
    }

    /// A descriptor for a whole metric name: bearmon's names are written out in full, so
    /// that a grep for a series finds where it is made.
    private static func named(_ name: String, help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }

    private func update(_ stats: ProcessStats) {
        if let seconds = stats.cpuSeconds {
            let added = cpuCounted.withLock { counted -> Double in
                let added = max(0, seconds - counted)
                counted += added
                return added
            }
            cpu.increment(by: added)
        }
        let gauges: [(Gauge, Double?)] = [(resident, stats.residentBytes), (virtual, stats.virtualBytes), (openFDs, stats.openFDs),
                                          (maxFDs, stats.maxFDs), (startTime, stats.startTime)]
        for (gauge, value) in gauges {
            if let value { gauge.set(to: value) }
        }
    }
}

package import BearmonConfig
package import BearmonServer
import Hummingbird

/// `GET /metrics`: Prometheus's text exposition format, on every node.
package enum MetricsRoutes {
    /// The content type of the text format, version 0.0.4.
    package static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// Serves `metrics` on `server`: open to anyone with `[metrics] open`, else under the access
    /// rule (a read). `controller` gives the per-check series while this node acts as the
    /// controller, nil otherwise (and on a node that has none, such as the viewserver).
    package static func add(to server: NodeServer, settings: MetricsSettings, metrics: NodeMetrics,
                            controller: (@Sendable () async -> ControllerSeries?)? = nil) {
        let group = settings.open ? server.open : server.guarded
        group.get("metrics") { _, _ in
            let series = await controller?()
            let bytes = metrics.exposition(controller: series)
            return Response(status: .ok, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
}

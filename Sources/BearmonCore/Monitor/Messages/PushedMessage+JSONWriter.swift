// The stored JSON of the pushes that come every few seconds from every service, written with
// JSONWriter: the same keys and values as MonitorJSON.text gives, keys sorted, without
// JSONEncoder's cost (a ninth of a push's CPU). Stats keep PushedMessage's default.

extension MonitorHealthCheck {
    /// The healthcheck as compact JSON, keys sorted.
    package func storedJSON() -> String { JSONWriter.text(write(to:)) }

    /// Writes the healthcheck's fields in key order.
    package func write(to writer: inout JSONWriter) {
        writer.object { fields in
            fields.field("description", description)
            fields.field("error", error)
            fields.field("id", id)
            fields.field("interval", interval)
            fields.field("results", results)
            fields.field("service", service) { $1.write(to: &$0) }
            fields.field("status", status)
            fields.field("timestamp", timestamp)
            fields.field("ttl", ttl)
        }
    }
}

extension MonitorStatus {
    /// The status as compact JSON, keys sorted.
    package func storedJSON() -> String { JSONWriter.text(write(to:)) }

    /// Writes the status's fields in key order.
    package func write(to writer: inout JSONWriter) {
        writer.object { fields in
            fields.field("info", info)
            fields.field("interval", interval)
            fields.field("service", service) { $1.write(to: &$0) }
            fields.field("status", status)
            fields.field("timestamp", timestamp)
            fields.field("ttl", ttl)
        }
    }
}

extension MonitorService {
    /// Writes the service's fields in key order.
    package func write(to writer: inout JSONWriter) {
        writer.object { fields in
            fields.field("id", id)
            fields.field("name", name)
            fields.field("nodes", elements: nodes) { $1.write(to: &$0) }
            fields.field("version", version)
        }
    }
}

extension MonitorNode {
    /// Writes the node's fields in key order.
    package func write(to writer: inout JSONWriter) {
        writer.object { fields in
            fields.field("address", address)
            fields.field("id", Optional(id))
            fields.field("metadata", metadata)
            fields.field("port", port)
        }
    }
}

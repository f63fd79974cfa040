import Foundation
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonMonitor
@testable import BearmonPlugins
@testable import BearmonRoles
@testable import BearmonServer
@testable import BearmonStore
@testable import BearmonWire
@testable import BearmonCLI

/// go-micro monitor messages for the passive monitoring tests: the two healthchecks of
/// monitor-srv's README, field for field, and Status and Stats in the newer shape.
enum MonitorMessages {
    /// monitor-srv README's `go.micro.healthcheck.ping` (OK), as its query printed it.
    static let ping = #"""
    {
    "description": "This is a ping healthcheck that succeeds",
    "id": "go.micro.healthcheck.ping",
    "results": {
    "foo": "bar",
    "label": "cruft",
    "metric": "1",
    "msg": "a successful check",
    "stats": "123.0"
    },
    "service": {
    "id": "go-server-672d50a7-ab77-11e5-ad84-68a86d0d36b6",
    "name": "go-server",
    "version": "1.0.0"
    },
    "status": 1,
    "timestamp": 1.451096504e+09
    }
    """#

    /// monitor-srv README's `go.micro.healthcheck.pong` (ERROR).
    static let pong = #"""
    {
    "description": "This is a pong healthcheck that fails",
    "error": "Unknown exception",
    "id": "go.micro.healthcheck.pong",
    "results": {
    "foo": "ugh",
    "label": "",
    "metric": "-0.0001",
    "msg": "a catastrophic failure occurred",
    "stats": "NaN"
    },
    "service": {
    "id": "go-server-672d50a7-ab77-11e5-ad84-68a86d0d36b6",
    "name": "go-server",
    "version": "1.0.0"
    },
    "status": 2,
    "timestamp": 1.451096508e+09
    }
    """#

    /// A healthcheck in the newer shape from `node` of service `service`.
    static func healthCheck(_ id: String, node: String, service: String = "go.micro.srv.app", status: Int = 1,
                            interval: Int? = nil, ttl: Int? = nil) -> String {
        var fields: [String: Any] = [
            "id": id, "status": status, "timestamp": Int(Date().timeIntervalSince1970),
            "service": ["name": service, "version": "2.0.0", "nodes": [["id": node, "address": "127.0.0.1", "port": 9000]]],
        ]
        if let interval { fields["interval"] = interval }
        if let ttl { fields["ttl"] = ttl }
        return json(fields)
    }

    /// A Status in the newer shape, with camelCase keys.
    static func status(node: String, service: String = "go.micro.srv.greeter", version: String = "1.0.0", status: Int = 2,
                       info: String = "serving", interval: Int? = nil, ttl: Int? = nil) -> String {
        var fields: [String: Any] = [
            "service": ["name": service, "version": version, "nodes": [["id": node, "address": "127.0.0.1", "port": 9100]]],
            "status": status, "info": info, "timestamp": Int(Date().timeIntervalSince1970),
        ]
        if let interval { fields["interval"] = interval }
        if let ttl { fields["ttl"] = ttl }
        return json(fields)
    }

    /// Stats in the newer shape, written with snake_case keys as a proto-named client would.
    static func stats(node: String, service: String = "go.micro.srv.greeter") -> String {
        json([
            "service": ["name": service, "version": "1.0.0", "nodes": [["id": node]]],
            "timestamp": Int(Date().timeIntervalSince1970), "interval": 60, "ttl": 120,
            "cpu": ["user_time": 120, "system_time": 30, "vol_ctx_switch": 5, "inv_ctx_switch": 2],
            "memory": ["max_rss": 4096],
            "disk": ["in_block": 1, "ou_block": 2],
            "runtime": ["num_threads": 12, "heap_total": 1_000_000, "heap_in_use": 400_000],
            "endpoints": [[
                "service": service, "method": "Say.Hello",
                "success": ["count": 10, "mean": 1.5, "std_dev": 0.25, "upper95": 2.0],
                "errors": ["count": 1], "dropped": ["count": 0],
            ]],
        ])
    }

    /// `object` as JSON text.
    static func json(_ object: Any) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// `text` parsed as a JSON object.
    static func object(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }
}

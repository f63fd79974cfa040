/// A service node's resource usage and endpoint metrics as go-micro's monitor clients
/// publish it, and as `GET /v1/stats` answers it. Every number is optional: bearmon stores
/// what it was given and computes nothing from it.
package struct MonitorStats: Codable, Sendable, Equatable {
    /// Who pushed it.
    package var service: MonitorService?
    /// Unix seconds, clamped to when the push arrived.
    package var timestamp: Double?
    /// Seconds until it is stale.
    package var interval: Int64?
    /// Seconds until it expires.
    package var ttl: Int64?
    /// CPU time and context switches.
    package var cpu: CPU?
    /// Memory use.
    package var memory: Memory?
    /// Block I/O.
    package var disk: Disk?
    /// The language runtime.
    package var runtime: Runtime?
    /// Per-endpoint request metrics.
    package var endpoints: [Endpoint]?

    /// `cpu`: `userTime`, `systemTime`, `volCtxSwitch`, `invCtxSwitch`.
    package struct CPU: Codable, Sendable, Equatable {
        /// CPU time in user and system mode, and voluntary and involuntary context switches.
        package var userTime, systemTime, volCtxSwitch, invCtxSwitch: Double?

        /// Reads camelCase or snake_case keys.
        package init(from decoder: Decoder) throws {
            let fields = try decoder.container(keyedBy: MonitorKey.self)
            userTime = try fields.number("userTime")
            systemTime = try fields.number("systemTime")
            volCtxSwitch = try fields.number("volCtxSwitch")
            invCtxSwitch = try fields.number("invCtxSwitch")
        }
    }

    /// `memory`: `maxRss`.
    package struct Memory: Codable, Sendable, Equatable {
        /// The largest resident set size.
        package var maxRss: Double?

        /// Reads camelCase or snake_case keys.
        package init(from decoder: Decoder) throws {
            maxRss = try decoder.container(keyedBy: MonitorKey.self).number("maxRss")
        }
    }

    /// `disk`: `inBlock`, `ouBlock`.
    package struct Disk: Codable, Sendable, Equatable {
        /// Blocks read and written.
        package var inBlock, ouBlock: Double?

        /// Reads camelCase or snake_case keys.
        package init(from decoder: Decoder) throws {
            let fields = try decoder.container(keyedBy: MonitorKey.self)
            inBlock = try fields.number("inBlock")
            ouBlock = try fields.number("ouBlock")
        }
    }

    /// `runtime`: `numThreads`, `heapTotal`, `heapInUse`.
    package struct Runtime: Codable, Sendable, Equatable {
        /// Threads (goroutines), heap size and heap in use.
        package var numThreads, heapTotal, heapInUse: Double?

        /// Reads camelCase or snake_case keys.
        package init(from decoder: Decoder) throws {
            let fields = try decoder.container(keyedBy: MonitorKey.self)
            numThreads = try fields.number("numThreads")
            heapTotal = try fields.number("heapTotal")
            heapInUse = try fields.number("heapInUse")
        }
    }

    /// One endpoint's `errors`, `success` and `dropped` metrics.
    package struct Endpoint: Codable, Sendable, Equatable {
        /// The service and method the endpoint serves.
        package var service, method: String?
        /// Metrics of failed, successful and dropped requests.
        package var errors, success, dropped: Metrics?

        /// Reads camelCase or snake_case keys.
        package init(from decoder: Decoder) throws {
            let fields = try decoder.container(keyedBy: MonitorKey.self)
            service = try fields.string("service")
            method = try fields.string("method")
            errors = try fields.message("errors")
            success = try fields.message("success")
            dropped = try fields.message("dropped")
        }
    }

    /// `count`, `mean`, `stdDev`, `upper95`.
    package struct Metrics: Codable, Sendable, Equatable {
        /// How many, their mean, standard deviation and 95th percentile.
        package var count, mean, stdDev, upper95: Double?

        /// Reads camelCase or snake_case keys.
        package init(from decoder: Decoder) throws {
            let fields = try decoder.container(keyedBy: MonitorKey.self)
            count = try fields.number("count")
            mean = try fields.number("mean")
            stdDev = try fields.number("stdDev")
            upper95 = try fields.number("upper95")
        }
    }

    /// Reads camelCase or snake_case keys (see ``MonitorKey``).
    package init(from decoder: Decoder) throws {
        let fields = try decoder.container(keyedBy: MonitorKey.self)
        (service, timestamp, interval, ttl) = try fields.envelope()
        cpu = try fields.message("cpu")
        memory = try fields.message("memory")
        disk = try fields.message("disk")
        runtime = try fields.message("runtime")
        endpoints = try fields.message("endpoints")
    }
}

import BearmonCore

/// A service name and version: what monitor-srv groups nodes by.
struct ServiceKey: Hashable, Comparable {
    let name: String
    let version: String

    init(_ service: MonitorService?) {
        name = service?.name ?? ""
        version = service?.version ?? ""
    }

    /// The service with no nodes yet.
    var service: MonitorService { MonitorService(name: name, version: version, nodes: []) }

    static func < (lhs: ServiceKey, rhs: ServiceKey) -> Bool { (lhs.name, lhs.version) < (rhs.name, rhs.version) }
}

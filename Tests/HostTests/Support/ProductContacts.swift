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

/// Delivers notifications through the contact plugins built into the products directory,
/// with a real ``PluginHost`` as the daemon would: validation against the declared params,
/// then the worker pool with the type's deadline.
struct ProductContacts {
    let host: PluginHost

    /// A host whose config file reads `config` (gcfg text, such as an [smtp] section).
    init(config: String = "") throws {
        host = try PluginHost(config: try GcfgParser(file: "test.cfg").parse(config), directory: TestPaths.products, threads: 4, logger: quietLogger)
    }

    /// Validates `data` strictly and delivers `event` through contact type `type`.
    func deliver(_ type: String, _ data: String, _ event: NotificationEvent = .sample()) async throws -> ContactOutcome {
        let contactType = try host.type(.contact, type)
        let params = try host.validate(contactType, data: data, strict: true)
        return await host.deliver(contactType, params: params, event: event, label: "test")
    }

    /// The error validating `data` for `type` raises, or nil when the data is accepted.
    func rejection(_ type: String, _ data: String) throws -> InvalidParams? {
        try host.rejection(.contact, type, data)
    }
}

extension NotificationEvent {
    /// A flip of check 42 "web" (an http check), with data already masked as the host masks it.
    static func sample(status: String = "offline", message: String = "connection refused", eventID: String = "evt-42-1",
                       checkID: Int64 = 42, name: String = "web") -> NotificationEvent {
        NotificationEvent(eventID: eventID, status: status, message: message, checkID: checkID, checkName: name, checkType: "http",
                          maskedCheckData: #"{"password":"********","url":"http://127.0.0.1/health"}"#, time: 1_700_000_000)
    }
}

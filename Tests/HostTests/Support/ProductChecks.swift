@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonMonitor
@testable import BearmonPlugins
@testable import BearmonRoles
@testable import BearmonServer
@testable import BearmonStore
@testable import BearmonWire
@testable import BearmonCLI

/// Runs checks of the plugins built into the products directory through a real
/// ``PluginHost``, as the daemon would: validation against the declared params, then the
/// worker pool with its deadline.
struct ProductChecks {
    let host: PluginHost

    /// A host with an empty config.
    init() {
        // try!: an empty config has no [security] range that could fail to parse.
        host = try! PluginHost(config: Config(), directory: TestPaths.products, threads: 4, logger: quietLogger)
    }

    /// A host whose config file reads `config` (gcfg text, such as a [security] section).
    init(config: String) throws {
        host = try PluginHost(config: try GcfgParser(file: "test.cfg").parse(config), directory: TestPaths.products, threads: 4, logger: quietLogger)
    }

    /// Validates `data` strictly and runs one check of `type`, within `budget` ms when given.
    func run(_ type: String, _ data: String, budget: Int64? = nil) async throws -> CheckOutcome {
        let checkType = try host.type(.check, type)
        let params = try host.validate(checkType, data: data, strict: true)
        return await host.runCheck(checkType, params: params, budget: budget.map { .milliseconds($0) }, label: "test")
    }

    /// The error validating `data` for `type` raises, or nil when the data is accepted.
    func rejection(_ type: String, _ data: String) throws -> InvalidParams? {
        try host.rejection(.check, type, data)
    }
}

extension PluginHost {
    /// The error strictly validating `data` for the `kind` type `name` raises, or nil when
    /// the data is accepted.
    func rejection(_ kind: PluginKind, _ name: String, _ data: String) throws -> InvalidParams? {
        let pluginType = try type(kind, name)
        do {
            _ = try validate(pluginType, data: data, strict: true)
            return nil
        } catch {
            return error
        }
    }
}

extension CheckOutcome {
    /// The value of the metric `name`, or nil when the check did not report it.
    func metric(_ name: String) -> Double? { metrics.first { $0.name == name }?.value }
}

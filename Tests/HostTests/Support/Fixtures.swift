import Foundation
import Logging
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonMonitor
@testable import BearmonPlugins
@testable import BearmonRoles
@testable import BearmonServer
@testable import BearmonStore
@testable import BearmonWire
@testable import BearmonCLI

/// A logger that keeps test output quiet.
let quietLogger: Logger = {
    var logger = Logger(label: "bearmon.test")
    logger.logLevel = .critical
    return logger
}()

/// A plugins directory holding the fixture module, and a host loaded from it.
struct FixtureHost {
    let directory: TempDirectory
    let host: PluginHost

    /// With `header`, the fixture is compiled against the bearmon_plugin.h in that directory
    /// (an older ABI's) instead of the current one; `defines` are fixture.c's -D switches.
    init(threads: Int = 4, config: Config = Config(), header: String? = nil, defines: [String] = []) async throws {
        directory = try TempDirectory("bearmon-fixture")
        try await PluginBuilder.build(source: TestPaths.fixture("plugins/fixture.c"), output: directory.file("libfixture.so"),
                                      defines: defines, extra: header.map { ["-I", $0] } ?? [])
        host = try PluginHost(config: config, directory: directory.path, threads: threads, logger: quietLogger)
    }

    /// Runs the fixture check with `data`.
    func check(_ data: String, type: String = "fixture", budget: Int64? = nil) async throws -> CheckOutcome {
        let checkType = try host.type(.check, type)
        let params = try host.validate(checkType, data: data)
        return await host.runCheck(checkType, params: params, budget: budget.map { .milliseconds($0) }, label: "test")
    }
}

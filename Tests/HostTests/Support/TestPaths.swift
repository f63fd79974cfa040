import BearmonSystem
import Foundation

/// Where things are when tests run: the repository, and the build's products directory
/// (which holds the test binary itself, `bearmon`, and the plugin libraries).
enum TestPaths {
    /// The repository root, found from this file's location.
    static let repoRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The products directory of the current build.
    static let products: String = {
        let exe = realPath("/proc/self/exe") ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // The xctest bundle on Linux is a plain executable in the products directory; when a
        // runner sits inside a bundle directory, step out of it.
        while url.pathExtension == "xctest" { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The `bearmon` binary under test.
    static var bearmon: String { products + "/bearmon" }

    /// `bearmon` built with the test hooks (see NodeHooks), which it takes from BEARMON_TEST_*
    /// variables; the shipped binary reads none.
    static var testNode: String { products + "/bearmon-testnode" }

    /// The binary that runs a node with `environment`: the test node when it sets hooks.
    static func bearmon(for environment: [String: String]) -> String {
        environment.keys.contains { $0.hasPrefix("BEARMON_TEST_") } ? testNode : bearmon
    }

    /// The directory holding bearmon_plugin.h.
    static var abiInclude: String { repoRoot + "/Sources/PluginABI/include" }

    /// A file under Tests/Fixtures.
    static func fixture(_ relative: String) -> String { repoRoot + "/Tests/Fixtures/" + relative }

    /// The built plugin library for `name`, for example "tcp".
    static func plugin(_ name: String) -> String { products + "/libbearmon-\(name).so" }
}

import Foundation

/// Compiles C plugins with the system's `cc`, against bearmon_plugin.h alone, as a third
/// party would.
enum PluginBuilder {
    struct BuildFailed: Error, CustomStringConvertible {
        let output: String
        var description: String { "cc failed: \(output)" }
    }

    /// Builds Tests/Fixtures/plugins/fixture.c with `defines` into `directory/name`.
    @discardableResult
    static func fixture(_ name: String, in directory: TempDirectory, defines: [String] = []) async throws -> String {
        try await build(source: TestPaths.fixture("plugins/fixture.c"), output: directory.file(name), defines: defines)
    }

    /// Compiles one C source into a shared object.
    @discardableResult
    static func build(source: String, output: String, defines: [String] = [], extra: [String] = []) async throws -> String {
        try await compile(source: source, output: output, flags: ["-shared", "-fPIC", "-O1", "-Wall"] + defines.map { "-D" + $0 } + extra)
    }

    /// Compiles one source into `output` with `compiler` and `flags`, against
    /// bearmon_plugin.h; throws with the compiler's diagnostics when it fails.
    @discardableResult
    static func compile(source: String, output: String, compiler: String = "/usr/bin/cc", flags: [String]) async throws -> String {
        let arguments = flags + ["-I", TestPaths.abiInclude, "-o", output, source]
        let result = try await Command.run(compiler, arguments, timeout: 120)
        guard result.status == 0 else { throw BuildFailed(output: result.stderr) }
        return output
    }
}

import Foundation
import Glibc
import Testing
@testable import BearmonPlugins

/// Issue 18, "Loader": plugin files and every directory above them must be writable only by
/// root or bearmon, and descriptor counts and sizes are bounded before arrays are read.
@Suite("plugin loader hardening")
struct LoaderHardeningTests {
    private func scan(_ directory: String) -> PluginRegistry {
        let registry = PluginRegistry()
        PluginLoader(directory: directory, registry: registry, logger: quietLogger).scan()
        return registry
    }

    @Test("a plugin file writable by a group other than root's or bearmon's is refused, naming the fix; root's group may write")
    func groupWritableFile() async throws {
        let dir = try TempDirectory()
        try await PluginBuilder.fixture("libforeign.so", in: dir, defines: ["FIXTURE_PREFIX=\"foreign\""])
        chown(dir.file("libforeign.so"), 0, 65534)
        chmod(dir.file("libforeign.so"), 0o664)
        try await PluginBuilder.fixture("librootgroup.so", in: dir, defines: ["FIXTURE_PREFIX=\"rootgroup\""])
        chown(dir.file("librootgroup.so"), 0, 0)
        chmod(dir.file("librootgroup.so"), 0o664)

        let registry = scan(dir.path)
        #expect(registry.modules.map(\.name) == ["rootgroup"])
        let refusal = try #require(registry.refusals.first)
        #expect(registry.refusals.count == 1)
        #expect(refusal.file == dir.file("libforeign.so"))
        #expect(refusal.reason.contains("the file is writable by group gid 65534 (mode 0664), neither root's group nor bearmon's own"))
        #expect(refusal.fix == "chmod g-w,o-w \(dir.file("libforeign.so"))")
    }

    @Test("a plugin under a parent directory anyone can write is refused unless the parent is sticky, as /tmp is")
    func writableParent() async throws {
        let parent = try TempDirectory()
        let plugins = parent.file("plugins")
        try FileManager.default.createDirectory(atPath: plugins, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        try await PluginBuilder.build(source: TestPaths.fixture("plugins/fixture.c"), output: plugins + "/libfixture.so")

        chmod(parent.path, 0o777)
        var registry = scan(plugins)
        #expect(registry.modules.isEmpty)
        let refusal = try #require(registry.refusals.first)
        #expect(refusal.reason.contains("its parent directory \(parent.path) is writable by every user (mode 0777) and not sticky"))
        #expect(refusal.fix == "chmod g-w,o-w \(parent.path)")

        // A foreign group's write is the same hole.
        chown(parent.path, 0, 65534)
        chmod(parent.path, 0o775)
        registry = scan(plugins)
        #expect(registry.modules.isEmpty)
        #expect(registry.refusals.first?.reason.contains("its parent directory \(parent.path) is writable by group gid 65534") == true)

        // Sticky (as /tmp, 1777): nobody else can rename or remove the root-owned entry below.
        chmod(parent.path, 0o1777)
        registry = scan(plugins)
        #expect(registry.refusals.isEmpty)
        #expect(registry.modules.map(\.name) == ["fixture"])

        // A symlink into a writable directory is judged where it points.
        let elsewhere = try TempDirectory()
        try await PluginBuilder.build(source: TestPaths.fixture("plugins/fixture.c"), output: elsewhere.file("libreal.so"), defines: ["FIXTURE_PREFIX=\"linked\""])
        chmod(elsewhere.path, 0o777)
        let links = try TempDirectory()
        try FileManager.default.createSymbolicLink(atPath: links.file("liblinked.so"), withDestinationPath: elsewhere.file("libreal.so"))
        registry = scan(links.path)
        #expect(registry.modules.isEmpty)
        #expect(registry.refusals.first?.reason.contains("its parent directory \(elsewhere.path) is writable by every user") == true)
    }

    @Test("descriptors declaring 2^31 types or parameters, or a huge struct_size, are refused naming the bound, without crashing")
    func hostileCounts() async throws {
        let dir = try TempDirectory()
        let source = TestPaths.fixture("plugins/descriptor_bounds.c")
        try await PluginBuilder.build(source: source, output: dir.file("libtypes.so"), defines: ["BOUNDS_N_TYPES=2147483648u"])
        try await PluginBuilder.build(source: source, output: dir.file("libparams.so"), defines: ["BOUNDS_N_PARAMS=2147483648u"])
        try await PluginBuilder.build(source: source, output: dir.file("libstride.so"), defines: ["BOUNDS_N_PARAMS=2", "BOUNDS_PARAM_SIZE=2147483648u"])
        try await PluginBuilder.build(source: source, output: dir.file("libtypesize.so"), defines: ["BOUNDS_TYPE_SIZE=4294967295u"])
        try await PluginBuilder.build(source: source, output: dir.file("libzfine.so"))

        let registry = scan(dir.path)
        let reasons = Dictionary(uniqueKeysWithValues: registry.refusals.map { (URL(fileURLWithPath: $0.file).lastPathComponent, $0.reason) })
        #expect(reasons["libtypes.so"]?.contains("declares n_types 2147483648, more than the 64 types a module may register") == true)
        #expect(reasons["libparams.so"]?.contains("declares n_params 2147483648, more than the 256 parameters a type may have") == true)
        #expect(reasons["libstride.so"]?.contains("params[0] declares struct_size 2147483648, more than the 4096 bytes") == true)
        #expect(reasons["libtypesize.so"]?.contains("a type descriptor declares struct_size 4294967295, more than the 4096 bytes") == true)
        #expect(registry.refusals.count == 4)
        // The sane copy of the same plugin still loads, so nothing above was half-registered.
        #expect(registry.modules.map(\.name) == ["bounds"])
    }
}

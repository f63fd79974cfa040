import Foundation
import Glibc
import Testing
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonMonitor
@testable import BearmonPlugins
@testable import BearmonRoles
@testable import BearmonServer
@testable import BearmonStore
@testable import BearmonWire
@testable import BearmonCLI

@Suite("plugin loader")
struct LoaderTests {
    private func load(_ directory: TempDirectory) -> (PluginRegistry, [PluginLoader.Event]) {
        let registry = PluginRegistry()
        let loader = PluginLoader(directory: directory.path, registry: registry, logger: quietLogger)
        return (registry, loader.scan())
    }

    private func refusal(_ registry: PluginRegistry, _ file: String) -> LoadRefusal? {
        registry.refusals.first { $0.file.hasSuffix("/" + file) }
    }

    @Test("each bad module is refused with the file, the reason and the fix, while the rest load")
    func refusals() async throws {
        let dir = try TempDirectory()
        try await PluginBuilder.fixture("libgood.so", in: dir, defines: ["FIXTURE_PREFIX=\"good\""])
        try await PluginBuilder.fixture("libmajor.so", in: dir, defines: ["FIXTURE_PREFIX=\"major\"", "FIXTURE_ABI_MAJOR=2"])
        try await PluginBuilder.fixture("libminor.so", in: dir, defines: ["FIXTURE_PREFIX=\"minor\"", "FIXTURE_ABI_MINOR=99"])
        try await PluginBuilder.fixture("libopen.so", in: dir, defines: ["FIXTURE_PREFIX=\"open\""])
        chmod(dir.file("libopen.so"), 0o666)
        try await PluginBuilder.fixture("libnoentry.so", in: dir, defines: ["FIXTURE_PREFIX=\"noentry\"", "FIXTURE_NO_ENTRY"])
        try await PluginBuilder.fixture("libzdup.so", in: dir, defines: ["FIXTURE_PREFIX=\"good\""])
        try await PluginBuilder.fixture("liblong.so", in: dir, defines: ["FIXTURE_PREFIX=\"long\"", "FIXTURE_LONG_NAME"])
        try await PluginBuilder.fixture("libswift.so", in: dir, defines: ["FIXTURE_PREFIX=\"swift\"", "FIXTURE_TOOLCHAIN=\"swift/clang 0.0\""])
        try await PluginBuilder.fixture("libforeign.so", in: dir, defines: ["FIXTURE_PREFIX=\"foreign\""])
        chown(dir.file("libforeign.so"), 65534, 65534)
        try "not an ELF file".write(toFile: dir.file("libjunk.so"), atomically: true, encoding: .utf8)
        try "ignored".write(toFile: dir.file("README.txt"), atomically: true, encoding: .utf8)

        let (registry, events) = load(dir)

        #expect(registry.modules.map(\.name) == ["good"])
        #expect(registry.type(.check, "good") != nil)
        #expect(registry.type(.check, "good_noop") != nil)
        #expect(registry.type(.contact, "good") != nil)
        #expect(events.count == 10)
        #expect(registry.refusals.count == 9)

        let major = try #require(refusal(registry, "libmajor.so"))
        #expect(major.reason.contains("plugin ABI 2.4") && major.reason.contains("speaks ABI 1.4"))
        #expect(major.fix.contains("upgrade bearmon"))
        let minor = try #require(refusal(registry, "libminor.so"))
        #expect(minor.reason.contains("ABI 1.99, newer than this bearmon's ABI 1.4"))
        let open = try #require(refusal(registry, "libopen.so"))
        #expect(open.reason.contains("writable by every user (mode 0666)"))
        #expect(open.fix == "chmod g-w,o-w \(open.file)")
        let noEntry = try #require(refusal(registry, "libnoentry.so"))
        #expect(noEntry.reason.contains("does not export bearmon_plugin_entry_v1"))
        let duplicate = try #require(refusal(registry, "libzdup.so"))
        #expect(duplicate.reason.contains("check type 'good' is already registered by \(dir.path)/libgood.so"))
        #expect(duplicate.fix.contains("remove one of the two files"))
        let long = try #require(refusal(registry, "liblong.so"))
        #expect(long.reason.contains("'abcdefghijklmnopq' is 17 bytes, longer than 16"))
        let swift = try #require(refusal(registry, "libswift.so"))
        #expect(swift.reason.contains("Swift plugin built by 'swift/clang 0.0'"))
        #expect(swift.fix.contains("same Swift toolchain"))
        let foreign = try #require(refusal(registry, "libforeign.so"))
        #expect(foreign.reason.contains("owned by uid 65534"))
        let junk = try #require(refusal(registry, "libjunk.so"))
        #expect(junk.reason.contains("dlopen failed"))
        #expect(refusal(registry, "README.txt") == nil)
        for refused in registry.refusals {
            #expect(refused.description.hasPrefix("refused \(refused.file): "))
            #expect(refused.description.contains(". Fix: "))
        }
    }

    @Test("a directory that every user can write to is refused, and nothing in it loads")
    func worldWritableDirectory() async throws {
        let dir = try TempDirectory()
        try await PluginBuilder.fixture("libgood.so", in: dir)
        chmod(dir.path, 0o777)
        let (registry, _) = load(dir)
        #expect(registry.modules.isEmpty)
        #expect(registry.refusals.count == 1)
        #expect(registry.refusals.first?.reason.contains("directory is writable by every user") == true)
    }

    @Test("a rescan loads new files, retries files fixed since, and flags changed ones")
    func rescan() async throws {
        let dir = try TempDirectory()
        try await PluginBuilder.fixture("liba.so", in: dir, defines: ["FIXTURE_PREFIX=\"aaa\""])
        try await PluginBuilder.fixture("libb.so", in: dir, defines: ["FIXTURE_PREFIX=\"bbb\""])
        chmod(dir.file("libb.so"), 0o646)
        let registry = PluginRegistry()
        let loader = PluginLoader(directory: dir.path, registry: registry, logger: quietLogger)
        loader.scan()
        #expect(registry.modules.map(\.name) == ["aaa"])

        try await PluginBuilder.fixture("libc.so", in: dir, defines: ["FIXTURE_PREFIX=\"ccc\""])
        chmod(dir.file("libb.so"), 0o644)
        let second = loader.scan()
        #expect(Set(registry.modules.map(\.name)) == ["aaa", "bbb", "ccc"])
        #expect(second.count == 2)

        // Rewrite liba.so: it stays loaded as it was, and the scan says a restart is needed.
        try FileManager.default.removeItem(atPath: dir.file("liba.so"))
        try await PluginBuilder.fixture("liba.so", in: dir, defines: ["FIXTURE_PREFIX=\"aaa2\""])
        let third = loader.scan()
        #expect(third == [.changed(dir.file("liba.so"))])
        #expect(registry.type(.check, "aaa2") == nil)
        #expect(loader.scan().isEmpty)
    }

    @Test("SIGHUP rescans the directory")
    func hangupRescans() async throws {
        let dir = try TempDirectory()
        let registry = PluginRegistry()
        let loader = PluginLoader(directory: dir.path, registry: registry, logger: quietLogger)
        loader.scan()
        let source = loader.rescanOnHangup()
        defer { source.cancel() }
        try await PluginBuilder.fixture("libhup.so", in: dir, defines: ["FIXTURE_PREFIX=\"hup\""])
        // Process-directed, as an operator's `kill -HUP` is: a thread-directed raise() would
        // stay pending on a test thread that blocks the signal.
        kill(getpid(), SIGHUP)
        for _ in 0..<100 where registry.type(.check, "hup") == nil {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(registry.type(.check, "hup") != nil)
    }

    @Test("the built tcp plugin loads from the build's products directory with its schema")
    func builtPlugins() throws {
        let registry = PluginRegistry()
        PluginLoader(directory: TestPaths.products, registry: registry, logger: quietLogger).scan()
        let tcp = try #require(registry.type(.check, "tcp"))
        #expect(tcp.module.toolchain.hasPrefix("swift"))
        #expect(tcp.params.map(\.name) == ["address", "timeout", "payload", "expect", "force_ip"])
        #expect(tcp.params.first?.required == true)
        #expect(tcp.params[1].defaultValue == .int(10))
        #expect(registry.refusals.isEmpty, "\(registry.refusals)")
    }

    @Test("the default plugins directory: PREFIX/lib/bearmon/plugins for PREFIX/bin/bearmon when that directory exists, else the binary's own")
    func defaultDirectoryWhenInstalled() throws {
        let prefix = try TempDirectory()
        try FileManager.default.createDirectory(atPath: prefix.file("bin"), withIntermediateDirectories: true)
        #expect(PluginLoader.defaultDirectory(besideBinaryAt: prefix.file("bin/bearmon")) == prefix.file("bin"))
        try FileManager.default.createDirectory(atPath: prefix.file("lib/bearmon"), withIntermediateDirectories: true)
        try "a file, not a directory".write(toFile: prefix.file("lib/bearmon/plugins"), atomically: true, encoding: .utf8)
        #expect(PluginLoader.defaultDirectory(besideBinaryAt: prefix.file("bin/bearmon")) == prefix.file("bin"))
        try FileManager.default.removeItem(atPath: prefix.file("lib/bearmon/plugins"))
        try FileManager.default.createDirectory(atPath: prefix.file("lib/bearmon/plugins"), withIntermediateDirectories: true)
        #expect(PluginLoader.defaultDirectory(besideBinaryAt: prefix.file("bin/bearmon")) == prefix.file("lib/bearmon/plugins"))
        // A build tree (.build/debug/bearmon) is not PREFIX/bin: the products directory, as before.
        #expect(PluginLoader.defaultDirectory(besideBinaryAt: prefix.file("debug/bearmon")) == prefix.file("debug"))
    }
}

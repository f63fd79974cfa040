import Foundation
import Glibc
import Testing

/// `script/package`'s .deb, built from the debug build the tests already have (a release
/// build would take the suite far longer), checked file by file, then installed into a fresh
/// Debian 12 root (debootstrap minbase, made by script/bootstrap) without Swift, where
/// `bearmon plugins` and `bearmon check tcp` run. No network: the root holds apt's lists and
/// the Debian packages bearmon's libraries come from, and apt runs in an empty network namespace.
@Suite("Debian package", .serialized)
struct PackageTests {
    /// The package, built once for the suite.
    private static let built = Task { try await buildPackage() }

    /// Under .build, overwritten by each run: a static temporary directory would never be
    /// removed, leaking a package into /tmp per run.
    private static let output = TestPaths.repoRoot + "/.build/package-test"

    private static func buildPackage() async throws -> String {
        let started = Date()
        let result = try await Command.run(TestPaths.repoRoot + "/script/package",
                                           ["--configuration", "debug", "--no-build", "--output", output], timeout: 900)
        guard result.status == 0, let deb = result.stdout.split(separator: "\n").last.map(String.init) else {
            throw Failure(description: "script/package failed: \(result.stderr)")
        }
        print("script/package (debug build, no compile) took \(Int(Date().timeIntervalSince(started))) s")
        return deb
    }

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// `dpkg-deb ARGS`'s output.
    private func dpkgDeb(_ arguments: [String]) async throws -> String {
        let result = try await Command.run("/usr/bin/dpkg-deb", arguments)
        guard result.status == 0 else { throw Failure(description: "dpkg-deb \(arguments): \(result.stderr)") }
        return result.stdout
    }

    @Test("the .deb: its name, every path with its mode and owner, the conffile, Depends with no Swift, run paths inside the package")
    func contents() async throws {
        let deb = try await Self.built.value
        #expect(deb.hasSuffix("/bearmon_0.1.0_amd64.deb"))
        // "-rwxr-xr-x root/root 123 2026-01-01 00:00 ./usr/bin/bearmon" -> path: (mode, owner)
        let listing = try await dpkgDeb(["-c", deb])
        var entries: [String: (String, String)] = [:]
        for line in listing.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6 else { continue }
            entries[String(fields[5].dropFirst())] = (String(fields[0]), String(fields[1]))
        }
        #expect(entries.values.allSatisfy { $0.1 == "root/root" }, "every file owned by root")
        let expected: [String: String] = [
            "/usr/bin/bearmon": "-rwxr-xr-x",
            "/usr/lib/bearmon/plugins/libbearmon-tcp.so": "-rw-r--r--",
            "/usr/lib/bearmon/plugins/libbearmon-icmp.so": "-rw-r--r--",
            "/usr/lib/bearmon/plugins/libbearmon-http.so": "-rw-r--r--",
            "/usr/lib/bearmon/swift/libswiftCore.so": "-rw-r--r--",
            "/usr/lib/bearmon/swift/libFoundation.so": "-rw-r--r--",
            "/usr/include/bearmon/bearmon_plugin.h": "-rw-r--r--",
            "/lib/systemd/system/bearmon-standalone.service": "-rw-r--r--",
            "/lib/systemd/system/bearmon-worker@.service": "-rw-r--r--",
            "/lib/systemd/system/bearmon-viewserver@.service": "-rw-r--r--",
            "/etc/bearmon/": "drwxr-x---",
            "/etc/bearmon/bearmon.cfg": "-rw-r-----",
            "/usr/share/man/man1/bearmon.1.gz": "-rw-r--r--",
            "/usr/share/man/man1/bearmon-standalone.1.gz": "-rw-r--r--",
            "/usr/share/man/man1/bearmon-checks-add.1.gz": "-rw-r--r--",
            "/usr/share/bash-completion/completions/bearmon": "-rw-r--r--",
            "/usr/share/zsh/vendor-completions/_bearmon": "-rw-r--r--",
            "/usr/share/fish/vendor_completions.d/bearmon.fish": "-rw-r--r--",
        ]
        for (path, mode) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(entries[path]?.0 == mode, "\(path): \(entries[path].map { "\($0)" } ?? "missing")")
        }
        let pages = try FileManager.default.contentsOfDirectory(atPath: TestPaths.repoRoot + "/packaging/man")
        #expect(entries.keys.filter { $0.hasPrefix("/usr/share/man/man1/") && $0.hasSuffix(".1.gz") }.count == pages.count)
        #expect(!entries.keys.contains { $0.hasPrefix("/var/") }, "the state directory is made by postinst, never shipped")

        let control = try await dpkgDeb(["-I", deb])
        let depends = try await dpkgDeb(["-f", deb, "Depends"])
        #expect(!depends.contains("swift") && depends.contains("libcurl4") && depends.contains("passwd"), "\(depends)")
        // The fresh root holds these packages' files for an offline install (script/bootstrap).
        let bootstrap = try String(contentsOfFile: TestPaths.repoRoot + "/script/bootstrap", encoding: .utf8)
        let cached = bootstrap.split(separator: "\n").first { $0.hasPrefix("debian_root_depends=") }.map {
            Set($0.dropFirst("debian_root_depends=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"")).split(separator: " ").map(String.init))
        } ?? []
        let declared = Set(depends.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        #expect(declared.isSubset(of: cached), "add \(declared.subtracting(cached).sorted()) to debian_root_depends in script/bootstrap")
        #expect(control.contains("conffiles") && control.contains("postinst"))
        let unpacked = try TempDirectory("bearmon-deb-x")
        _ = try await dpkgDeb(["-R", deb, unpacked.path])
        #expect(try String(contentsOfFile: unpacked.file("DEBIAN/conffiles"), encoding: .utf8) == "/etc/bearmon/bearmon.cfg\n")
        // Nothing may look for libraries in the toolchain: the installed system has none.
        for file in ["usr/bin/bearmon", "usr/lib/bearmon/plugins/libbearmon-tcp.so", "usr/lib/bearmon/swift/libFoundation.so"] {
            let dynamic = try await Command.run("/usr/bin/readelf", ["-d", unpacked.file(file)])
            #expect(dynamic.stdout.contains("$ORIGIN") && !dynamic.stdout.contains("/opt/") && !dynamic.stdout.contains("/.build/"), "\(file): \(dynamic.stdout)")
        }
    }

    /// The cached fresh root script/bootstrap makes.
    private var debianRootArchive: String {
        if let path = ProcessInfo.processInfo.environment["BEARMON_DEBIAN_ROOT"] { return path }
        let cache = ProcessInfo.processInfo.environment["XDG_CACHE_HOME"] ?? (NSHomeDirectory() + "/.cache")
        return cache + "/bearmon/debian-bookworm-root.tar"
    }

    /// Runs `script` with /bin/sh inside `root`, in mount and PID namespaces of its own (with
    /// its own /proc), so that nothing is mounted on the host; and, unless it must reach a
    /// test server on the host's loopback, in a network namespace with no interface up, so
    /// that apt cannot fetch anything (it needs not: the root holds what it installs).
    private func inRoot(_ root: String, _ script: String, hostLoopback: Bool = false, timeout: Double = 300) async throws -> CommandResult {
        let namespaces = ["--mount", "--pid"] + (hostLoopback ? [] : ["--net"])
        return try await Command.run("/usr/bin/unshare", namespaces + ["--fork", "--root=\(root)", "--mount-proc", "/bin/sh", "-c", script],
                              timeout: timeout, environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "DEBIAN_FRONTEND": "noninteractive"])
    }

    @Test("installed into a fresh Debian 12 root without Swift: the user, the state directory, an existing database untouched; bearmon plugins and check tcp run")
    func installsOnFreshDebian() async throws {
        let archive = debianRootArchive
        guard FileManager.default.fileExists(atPath: archive) else {
            Issue.record("\(archive) is missing: run script/bootstrap, which makes the fresh Debian root")
            return
        }
        let deb = try await Self.built.value
        let work = try TempDirectory("bearmon-root")
        let root = work.file("root")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let untar = try await Command.run("/usr/bin/tar", ["-C", root, "-xf", archive], timeout: 300)
        try #require(untar.status == 0, "\(untar.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root + "/opt/swift"), "the root has no Swift")
        #expect(!FileManager.default.fileExists(atPath: root + "/usr/bin/swift"), "the root has no Swift")
        // An operator's database from an earlier install: the package must leave it as it is.
        try FileManager.default.createDirectory(atPath: root + "/var/lib/bearmon", withIntermediateDirectories: true)
        let database = "an existing database, not SQLite at all: the package must not touch it\n"
        try database.write(toFile: root + "/var/lib/bearmon/bearmon.sqlite", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: deb, toPath: root + "/tmp/bearmon.deb")

        let started = Date()
        let install = try await inRoot(root, "apt-get install -y -q --no-install-recommends /tmp/bearmon.deb 2>&1")
        print("apt-get install of the .deb into the fresh root took \(Int(Date().timeIntervalSince(started))) s")
        try #require(install.status == 0, "\(install.stdout)")
        #expect(try String(contentsOfFile: root + "/var/lib/bearmon/bearmon.sqlite", encoding: .utf8) == database)

        let facts = try await inRoot(root, "getent passwd bearmon; stat -c '%U:%G %a %n' /etc/bearmon /etc/bearmon/bearmon.cfg /var/lib/bearmon; bearmon --version")
        #expect(facts.status == 0, "\(facts.stderr)")
        #expect(facts.stdout.contains("bearmon:x:") && facts.stdout.contains(":/var/lib/bearmon:/usr/sbin/nologin"), "\(facts.stdout)")
        #expect(facts.stdout.contains("root:bearmon 750 /etc/bearmon\n"), "\(facts.stdout)")
        #expect(facts.stdout.contains("root:bearmon 640 /etc/bearmon/bearmon.cfg\n"), "\(facts.stdout)")
        #expect(facts.stdout.contains("0.1.0"), "\(facts.stdout)")

        // As the bearmon user, the way the units run it.
        let plugins = try await inRoot(root, "su -s /bin/sh bearmon -c 'bearmon plugins'")
        #expect(plugins.status == 0, "\(plugins.stdout)\(plugins.stderr)")
        #expect(plugins.stdout.contains("plugins directory: /usr/lib/bearmon/plugins"), "\(plugins.stdout)")
        for type in ["tcp - ", "http - ", "icmp - ", "dns - ", "email - ", "webhook - "] { #expect(plugins.stdout.contains(type), "\(type) not loaded") }
        #expect(plugins.stdout.contains("refused files (0)"), "\(plugins.stdout)")

        let server = try LoopbackServer(behaviour: .acceptAndClose, lifetime: 120)
        defer { server.stop() }
        let open = try await inRoot(root, "bearmon check tcp --data '{\"address\":\"127.0.0.1:\(server.port)\",\"timeout\":5}'", hostLoopback: true)
        #expect(open.status == 0 && open.stdout.contains("status:  online"), "\(open.stdout)\(open.stderr)")
        let closed = try await inRoot(root, "bearmon check tcp --data '{\"address\":\"127.0.0.1:\(try refusedPort())\",\"timeout\":5}'", hostLoopback: true)
        #expect(closed.status != 0 && closed.stdout.contains("status:  offline") && closed.stdout.contains("Connection refused"), "\(closed.stdout)\(closed.stderr)")

        // The example config is valid and readable by the group the units run as.
        let example = try await inRoot(root, "su -s /bin/sh bearmon -c 'bearmon plugins --config /etc/bearmon/bearmon.cfg' >/dev/null")
        #expect(example.status == 0, "\(example.stderr)")

        // Removal and reinstall keep the database and the user.
        let again = try await inRoot(root, "apt-get remove -y -q bearmon >/dev/null && apt-get install -y -q --no-install-recommends /tmp/bearmon.deb >/dev/null && getent passwd bearmon")
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(try String(contentsOfFile: root + "/var/lib/bearmon/bearmon.sqlite", encoding: .utf8) == database)
        // Purging drops the config and its ownership override, never the database.
        let purge = try await inRoot(root, "apt-get purge -y -q bearmon >/dev/null && dpkg-statoverride --list; test ! -e /etc/bearmon/bearmon.cfg")
        #expect(purge.status == 0 && !purge.stdout.contains("/etc/bearmon"), "\(purge.stdout)\(purge.stderr)")
        #expect(try String(contentsOfFile: root + "/var/lib/bearmon/bearmon.sqlite", encoding: .utf8) == database)
    }
}

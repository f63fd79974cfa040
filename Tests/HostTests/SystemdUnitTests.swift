import Foundation
import Glibc
import Testing

/// packaging/systemd's units: `systemd-analyze verify` (Debian's systemd package, no running
/// systemd needed) finds nothing to say about any of them, and each keeps the settings the
/// issue asks for.
@Suite("systemd units")
struct SystemdUnitTests {
    static let units = ["bearmon-standalone.service", "bearmon-worker@.service", "bearmon-viewserver@.service"]

    /// A root for `systemd-analyze verify --root`: Debian's own units (for the targets ours
    /// name), the binaries ours run (a stand-in for /usr/bin/bearmon), and `units`.
    private func verifyRoot(_ units: [String: String]) throws -> TempDirectory {
        let root = try TempDirectory("bearmon-units")
        let manager = FileManager.default
        for directory in ["usr/lib/systemd", "usr/bin", "bin", "etc/systemd/system"] {
            try manager.createDirectory(atPath: root.file(directory), withIntermediateDirectories: true)
        }
        try manager.copyItem(atPath: "/usr/lib/systemd/system", toPath: root.file("usr/lib/systemd/system"))
        try manager.copyItem(atPath: "/bin/kill", toPath: root.file("bin/kill"))
        try "#!/bin/sh\n".write(toFile: root.file("usr/bin/bearmon"), atomically: true, encoding: .utf8)
        chmod(root.file("usr/bin/bearmon"), 0o755)
        for (name, text) in units { try text.write(toFile: root.file("etc/systemd/system/" + name), atomically: true, encoding: .utf8) }
        return root
    }

    private func unitText(_ name: String) throws -> String {
        try String(contentsOfFile: TestPaths.repoRoot + "/packaging/systemd/" + name, encoding: .utf8)
    }

    /// What `systemd-analyze verify` says about `unit` (an instance for templates).
    private func verify(_ unit: String, in root: TempDirectory) async throws -> CommandResult {
        try await Command.run("/usr/bin/systemd-analyze", ["verify", "--man=no", "--root=\(root.path)", unit])
    }

    @Test("systemd-analyze verify passes on every unit, templates as instances, and says nothing")
    func verifyPasses() async throws {
        let root = try verifyRoot(Dictionary(uniqueKeysWithValues: try Self.units.map { ($0, try unitText($0)) }))
        for unit in ["bearmon-standalone.service", "bearmon-worker@edge-1.service", "bearmon-viewserver@main.service"] {
            let result = try await verify(unit, in: root)
            #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty, "\(unit): \(result.stdout)\(result.stderr)")
        }
    }

    @Test("verify would notice: an unknown key, a bad Type and a missing binary each draw a complaint")
    func verifyIsNotBlind() async throws {
        let good = try unitText("bearmon-standalone.service")
        let broken = [
            "unknown-key.service": good.replacingOccurrences(of: "Type=notify\n", with: "Type=notify\nFrobnicate=yes\n"),
            "bad-type.service": good.replacingOccurrences(of: "Type=notify\n", with: "Type=notifyy\n"),
            "no-binary.service": good.replacingOccurrences(of: "/usr/bin/bearmon ", with: "/usr/bin/bearmon-missing "),
        ]
        let root = try verifyRoot(broken)
        for unit in broken.keys.sorted() {
            let result = try await verify(unit, in: root)
            #expect(!(result.stdout + result.stderr).isEmpty, "\(unit) drew no complaint")
        }
    }

    @Test("every unit: Type=notify, Restart=on-failure, reload by SIGHUP where plugins load, the bearmon user, the hardening; CAP_NET_RAW only where checks run")
    func settings() throws {
        for name in Self.units {
            let lines = Set(try unitText(name).split(separator: "\n").map(String.init))
            for required in ["Type=notify", "Restart=on-failure", "User=bearmon", "Group=bearmon",
                             "ProtectSystem=strict", "ProtectHome=true", "PrivateTmp=true", "NoNewPrivileges=true", "StateDirectory=bearmon"] {
                #expect(lines.contains(required), "\(name) lacks \(required)")
            }
            let runsChecks = !name.hasPrefix("bearmon-viewserver")
            // Reload means SIGHUP, which loads new plugins where there are plugins; the
            // viewserver has none and SIGHUP would end it, so it offers no reload.
            #expect(lines.contains("ExecReload=/bin/kill -HUP $MAINPID") == runsChecks, "\(name)")
            #expect(lines.contains("AmbientCapabilities=CAP_NET_RAW") == runsChecks, "\(name)")
            #expect(lines.contains(runsChecks ? "CapabilityBoundingSet=CAP_NET_RAW" : "CapabilityBoundingSet="), "\(name)")
            if name.contains("@") { #expect(lines.contains { $0.hasPrefix("ExecStart=") && $0.hasSuffix("--config /etc/bearmon/%i.cfg") }, "\(name)") }
        }
    }
}

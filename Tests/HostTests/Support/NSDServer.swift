import BearmonSystem
import Foundation
import Glibc

/// A real authoritative DNS server (nsd) serving Tests/Fixtures/dns/test.zone on loopback,
/// with its own config in a temporary directory, stopped by PID when released.
final class NSDServer: @unchecked Sendable {
    /// The UDP and TCP port it answers on.
    let port: UInt16
    private let directory: TempDirectory
    private let process: BackgroundProcess

    /// Starts nsd on 127.0.0.1 and ::1. With `port` nil an ephemeral port is picked, and
    /// picked again if another program takes it first. With `namespace`, nsd runs inside
    /// that network namespace (through `ip netns exec`), on its loopback.
    /// `extraRecords` are appended to the zone (records of the `test.` origin).
    init(port fixedPort: UInt16? = nil, namespace: String? = nil, extraRecords: String = "") throws {
        directory = try TempDirectory("bearmon-nsd")
        let zone = try String(contentsOfFile: TestPaths.fixture("dns/test.zone"), encoding: .utf8)
        _ = try directory.write("test.zone", zone + "\n" + extraRecords + "\n")
        var lastLog = ""
        for _ in 0..<(fixedPort == nil ? 5 : 1) {
            let candidate = try fixedPort ?? LoopbackPort.unused()
            let config = try directory.write("nsd.conf", NSDServer.config(port: candidate, directory: directory.path))
            let log = directory.file("nsd.log")
            let nsd = ["/usr/sbin/nsd", "-d", "-c", config]
            let started = try namespace.map { try BackgroundProcess("/usr/sbin/ip", ["netns", "exec", $0] + nsd, log: log + ".out") }
                ?? BackgroundProcess(nsd[0], Array(nsd.dropFirst()), log: log + ".out")
            if NSDServer.waitUntilServing(started, log: log) {
                port = candidate
                process = started
                return
            }
            started.stop()
            lastLog = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        }
        throw StartFailed(log: lastLog)
    }

    /// Stops nsd; also done when the value is released.
    func stop() { process.stop() }

    deinit { stop() }

    /// The server as a check's `server` writes it.
    var address: String { "127.0.0.1:\(port)" }

    /// nsd did not come up; its log says why.
    struct StartFailed: Error, CustomStringConvertible {
        let log: String
        var description: String { "nsd did not start: \(log)" }
    }

    /// nsd logs "nsd started" once its sockets are bound and the zone is loaded.
    private static func waitUntilServing(_ process: BackgroundProcess, log: String) -> Bool {
        let giveUp = Deadline.after(milliseconds: 10_000)
        while !giveUp.hasPassed, process.isRunning {
            if let text = try? String(contentsOfFile: log, encoding: .utf8), text.contains("nsd started") { return true }
            usleep(20_000)
        }
        return false
    }

    private static func config(port: UInt16, directory: String) -> String {
        """
        server:
            ip-address: 127.0.0.1@\(port)
            ip-address: ::1@\(port)
            username: ""
            chroot: ""
            zonesdir: "\(directory)"
            database: ""
            zonelistfile: "\(directory)/zone.list"
            xfrdfile: "\(directory)/xfrd.state"
            pidfile: "\(directory)/nsd.pid"
            logfile: "\(directory)/nsd.log"
            server-count: 1
            verbosity: 1
        remote-control:
            control-enable: no
        zone:
            name: "test."
            zonefile: "test.zone"

        """
    }
}

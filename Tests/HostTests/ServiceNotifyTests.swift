import BearmonSystem
import Foundation
import Glibc
import Testing

/// `Type=notify` without libsystemd: a real node tells a listener standing in for systemd
/// (a unix datagram socket named by NOTIFY_SOCKET) READY=1 once it serves and STOPPING=1 as
/// soon as SIGTERM arrives; and SIGHUP, what the units' reload sends, loads new plugins.
@Suite("under systemd: sd_notify over NOTIFY_SOCKET, reload by SIGHUP")
struct ServiceNotifyTests {
    let dir: TempDirectory

    init() throws { dir = try TempDirectory() }

    /// Starts a standalone node with NOTIFY_SOCKET set to `socket`.
    private func startNode(notifySocket socket: String, port: UInt16) throws -> BackgroundProcess {
        try BackgroundProcess(TestPaths.bearmon, ["standalone", "--db", "sqlite:\(dir.file("n.sqlite"))", "--addr", "127.0.0.1:\(port)"],
                              log: dir.file("node.log"), environment: ["NOTIFY_SOCKET": socket])
    }

    private func healthz(_ port: UInt16) -> Int? { try? HTTPTestClient.request("http://127.0.0.1:\(port)/healthz").0 }

    /// READY=1 must mean "serving": /healthz answers the moment it arrives. STOPPING=1 must
    /// come on SIGTERM, before the process has exited.
    private func expectReadyThenStopping(abstract: Bool) async throws {
        try await offPool {
            let listener = try NotifyListener(directory: dir, abstract: abstract)
            let port = try refusedPort()
            let node = try startNode(notifySocket: listener.name, port: port)
            let ready = listener.await(line: "READY=1", timeout: 90)
            #expect(ready != nil, "no READY=1; node log: \(node.log.suffix(2000))")
            #expect(healthz(port) == 200, "READY=1 came before the node served /healthz")
            #expect(ready?.contains("STATUS=serving on 127.0.0.1:\(port)") == true, "\(ready ?? "")")
            kill(node.pid, SIGTERM)
            #expect(listener.await(line: "STOPPING=1", timeout: 30) != nil, "no STOPPING=1 after SIGTERM; log: \(node.log.suffix(2000))")
            #expect(node.waitForExit(timeout: 60))
            #expect(!node.log.contains("cannot tell systemd"), "\(node.log)")
        }
    }

    @Test("a socket file: READY=1 (with STATUS=) once /healthz answers, STOPPING=1 on SIGTERM")
    func pathSocket() async throws { try await expectReadyThenStopping(abstract: false) }

    @Test("an abstract name (@...) works the same")
    func abstractSocket() async throws { try await expectReadyThenStopping(abstract: true) }

    @Test("a NOTIFY_SOCKET that cannot be used (no listener, a relative name) is logged and the node serves anyway")
    func unusableSocket() async throws {
        for socket in [dir.file("nobody-listens.sock"), "relative/notify.sock"] {
            try await offPool {
                let node = try NodeProcess(["standalone", "--db", "sqlite:\(dir.file("u.sqlite"))"], log: dir.file("u.log"),
                                           environment: ["NOTIFY_SOCKET": socket])
                #expect(waitUntil(timeout: 30) { node.process.log.contains("cannot tell systemd READY=1") }, "\(node.process.log)")
                #expect(try node.get("/healthz").0 == 200)
            }
        }
    }

    @Test("reload (`systemctl reload`, which the units turn into SIGHUP) loads a plugin added since the start, and the node serves on")
    func reloadBySIGHUP() async throws {
        let plugins = try TempDirectory(), staging = try TempDirectory()
        let built = try await PluginBuilder.fixture("libhup.so", in: staging, defines: ["FIXTURE_PREFIX=\"hup\""])
        try await offPool {
            let node = try NodeProcess(["standalone", "--db", "sqlite:\(dir.file("r.sqlite"))", "--plugins", plugins.path, "--debug"], log: dir.file("r.log"))
            #expect(!node.process.log.contains("libhup.so"))
            try FileManager.default.copyItem(atPath: built, toPath: plugins.file("libhup.so"))
            kill(node.process.pid, SIGHUP)
            #expect(waitUntil(timeout: 30) { node.process.log.contains("libhup.so") }, "\(node.process.log.suffix(2000))")
            #expect(node.process.isRunning)
            #expect(try node.get("/healthz").0 == 200)
        }
    }

    @Test("the notifier in process: one datagram per message, exactly as sent; unusable names are refused with a reason")
    func notifierInProcess() throws {
        for abstract in [false, true] {
            let listener = try NotifyListener(directory: dir, abstract: abstract)
            try ServiceNotifier(name: listener.name).send("READY=1\nSTATUS=ünïcode \"quoted\"")
            #expect(listener.next(timeout: 5) == "READY=1\nSTATUS=ünïcode \"quoted\"")
        }
        let tooLong = "/" + String(repeating: "a", count: 200)
        #expect(throws: ServiceNotifier.AddressError.self) { try ServiceNotifier(name: tooLong).send("READY=1") }
        #expect(throws: ServiceNotifier.AddressError.self) { try ServiceNotifier(name: "").send("READY=1") }
        #expect(throws: ServiceNotifier.AddressError.self) { try ServiceNotifier(name: "/tmp/a\u{0}b").send("READY=1") }
        let nobody = #expect(throws: SystemError.self) { try ServiceNotifier(name: dir.file("none.sock")).send("READY=1") }
        #expect(nobody?.errno == ENOENT)
    }
}

import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonStore

/// The pages in a real browser: Debian's Chromium, headless, loads the dashboard, a check's
/// page and the status page of a standalone node running real checks, all inside a network
/// namespace the test makes with only `lo` (Chromium phones home; there it reaches nothing).
/// It reads the DOM Chromium built and saves screenshots under
/// .build/test-artifacts/.
@Suite("web pages in Chromium")
struct WebChromiumTests {
    static let chromium = "/usr/bin/chromium"
    static let secret = "hunter2-chromium-secret"

    /// Whether to run: always under CI (where a missing Chromium fails the test, saying so);
    /// elsewhere only when it is installed, printing why it is skipped otherwise.
    static let runs: Bool = {
        if FileManager.default.isExecutableFile(atPath: chromium) || ProcessInfo.processInfo.environment["CI"] != nil { return true }
        print("WebChromiumTests skipped: no \(chromium); run script/bootstrap to install it (with CI set, the test fails instead)")
        return false
    }()

    @Test("a person sees the offline check offline, its incident, a working tag filter, no secret, and no private check on /status",
          .enabled(if: runs), .timeLimit(.minutes(4)))
    func pages() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.chromium), "Chromium is not installed at \(Self.chromium): run script/bootstrap")
        let dir = try TempDirectory("bearmon-chromium")
        let plugins = dir.file("plugins")
        try FileManager.default.createDirectory(atPath: plugins, withIntermediateDirectories: false)
        for name in ["tcp", "http"] {
            try FileManager.default.copyItem(atPath: TestPaths.plugin(name), toPath: "\(plugins)/libbearmon-\(name).so")
        }
        let address = "127.0.0.1:18081"
        let db = dir.file("web.sqlite")
        let store = SQLStore(database: try SQLiteDatabase(path: db))
        try store.migrate()
        // Inside the namespace only the node listens: a check of its own port is online, one of port 9 offline.
        let changes: [CatalogChange] = [
            .addCheck(key: "down", NewCheck(name: "checkout api", type: "http", data: #"{"url":"http://127.0.0.1:9/","password":"\#(Self.secret)"}"#, interval: 1, delay: 0),
                      tags: ["shop"], isPublic: true),
            .addCheck(key: "up", NewCheck(name: "front door", type: "tcp", data: #"{"address":"\#(address)"}"#, interval: 1, delay: 0), tags: ["shop"], isPublic: true),
            .addCheck(key: "hidden", NewCheck(name: "secret backend", type: "tcp", data: #"{"address":"\#(address)"}"#, interval: 1, delay: 0),
                      tags: ["internal"], isPublic: false),
        ]
        let ids = try store.applyCatalog(changes)
        let (down, up) = (ids["down"] ?? 0, ids["up"] ?? 0)

        let namespace = try LoopbackNamespace()
        defer { namespace.remove() }
        #expect(try namespace.links() == ["lo"])
        let (ip, arguments) = namespace.command([TestPaths.bearmon, "standalone", "--db", "sqlite:\(db)", "--plugins", plugins, "--addr", address])
        let node = try BackgroundProcess(ip, arguments, log: dir.file("node.log"))
        defer { node.stop() }
        // Generous: the point is what the browser shows once the checks have run.
        try #require(waitUntil(timeout: 60) {
            (try? store.checkRow(down)?.status) == "offline" && (try? store.checkRow(up)?.status) == "online" && (try? store.dailyAggregates(checkID: down, from: 0, to: .max).isEmpty) == false
        }, "the node never ran its checks: \(node.log.suffix(3_000))")

        let artifacts = TestPaths.repoRoot + "/.build/test-artifacts"
        try FileManager.default.createDirectory(atPath: artifacts, withIntermediateDirectories: true)
        func browse(_ path: String, screenshot: String? = nil) async throws -> String {
            var flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=\(dir.file("profile"))",
                         "--window-size=1280,1000"]
            flags.append(screenshot.map { "--screenshot=\(artifacts)/\($0)" } ?? "--dump-dom")
            let run = try await namespace.run([Self.chromium] + flags + ["http://\(address)\(path)"], timeout: 60, environment: ["HOME": dir.path])
            #expect(!run.timedOut && run.status == 0, "chromium on \(path): \(run.status) \(run.stderr.suffix(2_000))")
            return run.stdout
        }

        // (What the pages show without scripts is the HTML itself, which the other suites read;
        // --dump-dom needs scripts to print anything.)
        let dashboard = try await browse("/")
        #expect(dashboard.contains("data-check=\"\(down)\"><td><span class=\"state offline\">offline</span>"), "\(dashboard.prefix(3_000))")
        #expect(dashboard.contains("data-check=\"\(up)\"><td><span class=\"state online\">online</span>"))
        #expect(!dashboard.contains(Self.secret))
        let filtered = try await browse("/?tag=internal")
        #expect(filtered.contains("secret backend") && !filtered.contains("checkout api"), "the tag filter")
        let check = try await browse("/checks/\(down)")
        #expect(check.contains("<h1>checkout api</h1>") && check.contains("– ongoing") && !check.contains(Self.secret), "its incident: \(check.prefix(3_000))")
        let status = try await browse("/status")
        #expect(status.contains("<span class=\"name\">checkout api</span> <span class=\"state offline\">down</span>"))
        #expect(!status.contains("secret backend") && !status.contains(Self.secret))

        _ = try await browse("/", screenshot: "web-dashboard.png")
        _ = try await browse("/checks/\(down)", screenshot: "web-check.png")
        _ = try await browse("/status", screenshot: "web-status.png")
        for name in ["web-dashboard.png", "web-check.png", "web-status.png"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: "\(artifacts)/\(name)")[.size] as? Int) ?? 0
            #expect(size > 1_000, "no screenshot \(name)")
        }
        #expect(node.isRunning, "the node died: \(node.log.suffix(3_000))")
    }
}

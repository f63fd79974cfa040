import Testing
@testable import BearmonConfig
@testable import BearmonMonitor
@testable import BearmonPlugins
@testable import BearmonRoles
@testable import BearmonStore
@testable import BearmonCLI

@Suite("config keys: one reader per component, in step with the known keys")
struct ConfigKeysTests {
    /// A file that sets every key, so that every reader reads all of its keys (TLS files
    /// must be readable for `ca` to be read).
    private let everything = """
    [default]
    password = a-long-shared-secret
    node = n1
    cert = /dev/null
    key = /dev/null
    ca = /dev/null
    insecure = false
    debug = false
    alias = node1.example.net:8888
    logFormat = json
    [controller]
    addr = 127.0.0.1:8888
    database = u:p@tcp(127.0.0.1:3306)/bearmon
    confirmations = 2
    [worker]
    viewAddr = 127.0.0.1:8887
    numThreads = 4
    [viewserver]
    controller = 127.0.0.1:8888
    lease = 1200
    pingInterval = 200
    [plugins]
    dir = /opt/bearmon
    isolate = webhook
    [store]
    retention = 7d
    historyRetention = 400d
    [push]
    interval = 60s
    ttl = 120s
    token = t
    maxBody = 1024
    reap = 10s
    maxEntries = 100000
    maxTTL = 7d
    [alerting]
    maxFlipWait = 30s
    maxNotifyWait = 60s
    flapping = 0.3
    [security]
    deny = 10.0.0.0/8
    allow = 10.1.0.0/16
    [server]
    maxConnections = 1024
    headerTimeout = 10s
    idleTimeout = 60s
    bodyTimeout = 60s
    [api]
    openReads = false
    [notify]
    maxPerHour = 30
    fallbackAfter = 10m
    publicURL = https://bearmon.example.net
    [status]
    timezone = Europe/Berlin
    title = Example status
    footer = Run by the example team
    showMessages = false
    [metrics]
    open = false
    [twilio]
    maxPerHour = 5
    """

    @Test("every key the settings readers read is in Config.hostSections, and every listed key is read by one")
    func readersMatchKnownKeys() throws {
        let config = try GcfgParser(file: "all.cfg").parse(everything)
        try config.validateHostSections()
        let read = try ConfigReadLog.keys {
            _ = try NodeConfig(config)
            _ = try WorkerSettings.from(config)
            _ = try ControllerSettings.from(config, node: "n1", standalone: false)
            _ = try ViewserverSettings.from(config)
            _ = try PushSettings.from(config)
            _ = try StoreLocation.resolve(db: nil, config: config)
            _ = PluginSettings.from(config)
            _ = try LogSetup.debug(in: config)
            _ = try LogSetup.format(in: config)
            _ = try config.egressRules()
            _ = try StatusPageSettings.from(config)
        }
        let known = Set(Config.hostSections.merging(Config.hostKeysInPluginSections) { $0.union($1) }
            .flatMap { section, keys in keys.map { "\(section).\($0)" } })
        #expect(read.subtracting(known).isEmpty, "read but refused as unknown: \(read.subtracting(known).sorted())")
        #expect(known.subtracting(read).isEmpty, "listed but read by no reader: \(known.subtracting(read).sorted())")
    }

    @Test("keys are noted only while a log is installed")
    func logIsScoped() throws {
        let config = try GcfgParser(file: "all.cfg").parse(everything)
        let read = ConfigReadLog.keys { _ = config.string("push", "token") }
        #expect(read == ["push.token"])
        _ = config.string("store", "sqlite")
        #expect(ConfigReadLog.keys {}.isEmpty)
    }

    @Test("[worker] numThreads below 1 is refused at its line; unset leaves each command's default")
    func workerThreads() throws {
        let bad = try GcfgParser(file: "w.cfg").parse("[worker]\nviewAddr = v:1\nnumThreads = 0\n")
        let error = #expect(throws: ConfigError.self) { try WorkerSettings.from(bad) }
        #expect(error?.description == "w.cfg:3: [worker] numThreads: must be at least 1")
        let unset = try WorkerSettings.from(try GcfgParser(file: "w.cfg").parse("[worker]\nviewAddr = v:1\n"))
        #expect(unset == { var s = WorkerSettings(); s.viewAddress = "v:1"; return s }())
    }

    @Test("ControllerSettings.from reads confirmations, retention and the alerting waits, with the role's default")
    func controllerSettings() throws {
        let config = try GcfgParser(file: "c.cfg").parse("[store]\nretention = 12h\n[alerting]\nmaxFlipWait = 2m\n")
        let cluster = try ControllerSettings.from(config, node: "n", standalone: false)
        #expect(cluster.scheduler.confirmations == 2)
        #expect(cluster.retention == .seconds(12 * 3_600))
        #expect(cluster.maxFlipWait == .seconds(120))
        #expect(cluster.maxNotifyWait == .seconds(60))
        #expect(try ControllerSettings.from(config, node: "n", standalone: true).scheduler.confirmations == 1)
        let tooShort = try GcfgParser(file: "c.cfg").parse("[alerting]\nmaxNotifyWait = 500ms\n")
        #expect(throws: ConfigError.self) { try ControllerSettings.from(tooShort, node: "n", standalone: true) }
    }

    @Test("budgets: [notify] maxPerHour defaults to none, [twilio] maxPerHour to 20 for sms and voice; a negative or huge one is refused at its line")
    func budgets() throws {
        let defaults = try ControllerSettings.from(Config(), node: "n", standalone: true).budget
        #expect(defaults.limit(forContactType: "email") == 0 && defaults.limit(forContactType: "sms") == 20 && defaults.limit(forContactType: "voice") == 20)
        let set = try GcfgParser(file: "b.cfg").parse("[notify]\nmaxPerHour = 30\n[twilio]\nmaxPerHour = 0\n")
        let budget = try ControllerSettings.from(set, node: "n", standalone: true).budget
        #expect(budget.limit(forContactType: "webhook") == 30 && budget.limit(forContactType: "sms") == 0)
        for bad in ["-1", "100001", "lots"] {
            let config = try GcfgParser(file: "b.cfg").parse("[notify]\nmaxPerHour = \(bad)\n")
            let error = #expect(throws: ConfigError.self) { try ControllerSettings.from(config, node: "n", standalone: true) }
            #expect(error?.description.hasPrefix("b.cfg:2: [notify] maxPerHour") == true, "\(error.map(String.init(describing:)) ?? "")")
        }
    }

    @Test("[notify] fallbackAfter (10 min by default, 1s to 24h) and publicURL (an http(s) URL with a host, no credentials, query or fragment); hostile values refused at their line")
    func notifyReach() throws {
        let defaults = try ControllerSettings.from(Config(), node: "n", standalone: true)
        #expect(defaults.fallbackAfter == .seconds(600) && defaults.publicURL == nil)
        let set = try GcfgParser(file: "n.cfg").parse("[notify]\nfallbackAfter = 3s\npublicURL = https://example.net/bearmon/\n")
        let read = try ControllerSettings.from(set, node: "n", standalone: true)
        #expect(read.fallbackAfter == .seconds(3) && read.publicURL == "https://example.net/bearmon/")
        let badAfter = ["0s", "-5s", "25h", "soon", String(repeating: "9", count: 40)]
        let badURL = ["example.net", "ftp://example.net", "https://", "https://user:secret@example.net", "https://example.net/?a=1", "\"https://example.net/#x\"",
                      "javascript:alert(1)", "https://exa mple.net", "https://ex\u{0301}ample.net", "https://" + String(repeating: "a", count: 600) + ".net",
                      "https://example.net/\u{FF0F}"]
        for (key, bad) in badAfter.map({ ("fallbackAfter", $0) }) + badURL.map({ ("publicURL", $0) }) {
            let config = try GcfgParser(file: "n.cfg").parse("[notify]\n\(key) = \(bad)\n")
            let error = #expect(throws: ConfigError.self, "\(key) = \(bad)") { try ControllerSettings.from(config, node: "n", standalone: true) }
            #expect(error?.description.hasPrefix("n.cfg:2: [notify] \(key)") == true, "\(error.map(String.init(describing:)) ?? "")")
            #expect(error?.description.contains("secret") != true, "the refusal repeats a password")
        }
    }

    @Test("[default] node is checked wherever it is read: a standalone name too long for the results table is refused")
    func nodeName() throws {
        let long = try GcfgParser(file: "s.cfg").parse("[default]\nnode = \(String(repeating: "n", count: 129))\n")
        let error = #expect(throws: ConfigError.self) { try NodeConfig.name(in: long) }
        #expect(error?.description == "s.cfg:2: [default] node: name is 129 characters; at most 128 are accepted")
        #expect(try NodeConfig.name(in: Config()) == nil)
    }

    @Test("a viewserver with no candidate is refused when its settings are read, before it serves")
    func viewserverWithoutCandidates() throws {
        let config = try GcfgParser(file: "v.cfg").parse("[viewserver]\naddr = :8888\n")
        let error = #expect(throws: ConfigError.self) { try ViewserverSettings.from(config) }
        #expect(error?.reason.contains("lists no controller") == true)
    }
}

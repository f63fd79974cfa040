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

@Suite("gcfg config reader")
struct ConfigTests {
    @Test("gobearmon's sample worker config reads as it is")
    func workerSample() throws {
        let config = try GcfgParser.load(path: TestPaths.fixture("gobearmon/gobearmon.sample.worker.cfg"))
        #expect(config.string("default", "password") == "secretChangeMe")
        #expect(try config.bool("default", "debug") == false)
        #expect(config.string("controller", "addr") == ":8888")
        #expect(config.list("controller", "database") == [
            "monitor@tcp(mysql1:3306)/monitor", "monitor@tcp(mysql2:3306)/monitor", "monitor@tcp(mysql3:3306)/monitor",
        ])
        #expect(try config.int("controller", "confirmations") == 3)
        #expect(config.string("worker", "viewAddr") == "viewserver:8888")
        #expect(try config.int("WORKER", "NUMTHREADS") == 16)
        #expect(config.string("smtp", "admin") == "admin@gobearmon")
        #expect(try config.int("smtp", "port") == 587)
        #expect(config.string("dns", "server") == "127.0.0.1")
        #expect(config.string("twilio", "accountSid") == "asdf")
        #expect(config.string("twilio", "from") == "+9999999999")
        try config.validateHostSections()
    }

    @Test("gobearmon's sample viewserver config reads as it is")
    func viewserverSample() throws {
        let config = try GcfgParser.load(path: TestPaths.fixture("gobearmon/gobearmon.sample.viewserver.cfg"))
        #expect(config.string("viewserver", "addr") == ":8888")
        #expect(config.list("viewserver", "controller") == (1...5).map { "worker\($0):8888" })
        #expect(config.string("smtp", "password") == "gobearmon")
        try config.validateHostSections()
    }

    @Test("comments, quotes, escapes, bare keys, continuations and case")
    func syntax() throws {
        let text = """
        # a hash comment
        ; a semicolon comment
        [Default]
        Password = "with ; and # inside"   ; trailing comment
        debug
        [plugins]
        dir = /opt/bearmon/plugins # trailing hash comment
        [smtp]
        from = "Bear \\"Mon\\"" <noreply@example.org>
        body = line1\\nline2
        host = \\
            smtp.example.org
        [viewserver]
        controller = a:1
        CONTROLLER = b:2
        [section "sub"]
        key =
        """
        let config = try GcfgParser(file: "inline.cfg").parse(text)
        #expect(config.string("default", "password") == "with ; and # inside")
        #expect(try config.bool("default", "debug") == true)
        #expect(config.string("plugins", "dir") == "/opt/bearmon/plugins")
        #expect(config.string("smtp", "from") == "Bear \"Mon\" <noreply@example.org>")
        #expect(config.string("smtp", "body") == "line1\nline2")
        #expect(config.string("smtp", "host") == "smtp.example.org")
        #expect(config.list("viewserver", "controller") == ["a:1", "b:2"])
        #expect(config.string("section.sub", "key") == "")
    }

    @Test("bad files fail with the file, the line and the reason", arguments: [
        ("password = x\n[default]\n", 1, "outside any section"),
        ("[default]\npassword = x\n[smtp\n", 3, "missing its closing ']'"),
        ("[default]\n\npassword = \"open\n", 3, "never closed"),
        ("[default]\npassword = a\\qb\n", 2, "unknown escape"),
        ("[default]\npassword x\n", 2, "expected '='"),
        ("[1bad]\n", 1, "not a valid section name"),
        ("[default]\n= value\n", 2, "expected 'key = value'"),
    ])
    func badSyntax(text: String, line: Int, reason: String) throws {
        let error = #expect(throws: ConfigError.self) { try GcfgParser(file: "bad.cfg").parse(text) }
        #expect(error?.file == "bad.cfg")
        #expect(error?.line == line)
        #expect(error?.reason.contains(reason) == true, "\(String(describing: error))")
        #expect(error?.description.hasPrefix("bad.cfg:\(line): ") == true)
    }

    @Test("an unknown key in one of bearmon's own sections names the line and the known keys")
    func unknownHostKey() throws {
        let config = try GcfgParser(file: "w.cfg").parse("[worker]\nviewAddr = v:1\nnumThread = 4\n")
        let error = #expect(throws: ConfigError.self) { try config.validateHostSections() }
        #expect(error?.line == 3)
        #expect(error?.reason.contains("unknown key 'numthread' in [worker]") == true)
        #expect(error?.reason.contains("numthreads") == true)
    }

    @Test("typed getters name the line of a bad value")
    func badValues() throws {
        let config = try GcfgParser(file: "v.cfg").parse("[worker]\n\nnumThreads = many\n[default]\ndebug = perhaps\n")
        let intError = #expect(throws: ConfigError.self) { try config.int("worker", "numThreads") }
        #expect(intError?.line == 3)
        #expect(intError?.reason.contains("'many' is not an integer") == true)
        let boolError = #expect(throws: ConfigError.self) { try config.bool("default", "debug") }
        #expect(boolError?.line == 5)
    }

    @Test("a duration too long to count in milliseconds is refused, not trapped on")
    func hugeDuration() throws {
        let config = try GcfgParser(file: "d.cfg").parse("[store]\nretention = 99999999999999d\n[alerting]\nmaxFlipWait = 9223372036854775807\n")
        let dayError = #expect(throws: ConfigError.self) { try config.duration("store", "retention") }
        #expect(dayError?.reason.contains("too long a duration") == true)
        #expect(throws: ConfigError.self) { try config.duration("alerting", "maxFlipWait") }
        #expect(try GcfgParser(file: "d.cfg").parse("[store]\nretention = 7d\n").duration("store", "retention") == .seconds(7 * 86_400))
    }

    @Test("a missing file is named")
    func missingFile() {
        let error = #expect(throws: ConfigError.self) { try GcfgParser.load(path: "/nonexistent/bearmon.cfg") }
        #expect(error?.description == "/nonexistent/bearmon.cfg: no such file")
    }
}

import BearmonSystem
import Foundation
import Logging
import Testing
@testable import BearmonCLI
@testable import BearmonConfig
@testable import BearmonStore
@testable import BearmonCore

/// `[default] logFormat = json` and `--log-format json`: every line on stderr is one JSON
/// object with time, level, label, message and metadata, and no secret gets through.
@Suite("structured (JSON) logs")
struct JSONLogTests {
    let dir: TempDirectory

    init() throws { dir = try TempDirectory() }

    /// Every non-empty line of `text` as a JSON object; a line that is not one fails the test.
    private func objects(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap { line in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object != nil, "not a JSON object: \(line)")
            return object
        }
    }

    private func expectShape(_ object: [String: Any]) {
        #expect(Set(object.keys) == ["time", "level", "label", "message", "metadata", "source"], "\(object)")
        #expect((object["time"] as? String).flatMap { try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse($0) } != nil, "\(object)")
        #expect(Logger.Level(rawValue: object["level"] as? String ?? "") != nil, "\(object)")
        #expect(object["message"] is String && object["label"] is String && object["metadata"] is [String: Any], "\(object)")
    }

    @Test("a standalone node with secrets in its config and in a check's URL logs only JSON lines, none with a secret")
    func nodeLogsJSONWithoutSecrets() async throws {
        let secrets = ["PushT0kenSecret", "Hunter2Secret", "Tok3nInQuery", "DbPassw0rdSecret"]
        let config = try dir.write("node.cfg", """
        [default]
        logFormat = json
        debug = true
        password = DbPassw0rdSecret
        [push]
        token = PushT0kenSecret
        [store]
        sqlite = \(dir.file("n.sqlite"))
        """)
        let store = SQLStore(database: try SQLiteDatabase(path: dir.file("n.sqlite")))
        try store.migrate()
        let port = try refusedPort()
        let check = try store.addCheck(NewCheck(name: "secret-url", type: "http",
                                                data: #"{"url":"http://alice:Hunter2Secret@127.0.0.1:\#(port)/x?token=Tok3nInQuery","timeout":2}"#,
                                                interval: 1, delay: 0))
        let contact = try store.addContact(type: "log", data: "json-log-test")
        _ = try store.addAlert(checkID: check, contactID: contact, type: .both)
        let log = dir.file("node.log")
        try await offPool {
            let node = try NodeProcess(["standalone", "--config", config], log: log)
            // The log contact's notification names the check: proof that the check's data went
            // through the logs' path.
            #expect(waitUntil(timeout: 90) { node.process.log.contains("json-log-test") }, "\(node.process.log.suffix(3000))")
            node.process.stop()
        }
        let text = try String(contentsOfFile: log, encoding: .utf8)
        let lines = objects(text)
        #expect(lines.count >= 3)
        for object in lines { expectShape(object) }
        #expect(lines.contains { ($0["message"] as? String)?.contains("serving on http://127.0.0.1") == true })
        #expect(lines.contains { $0["level"] as? String == "debug" }, "[default] debug = true gives debug lines")
        #expect(text.contains("http://\(SecretMask.mask)@127.0.0.1:\(port)/x?token=\(SecretMask.mask)"), "the check's URL is logged, masked")
        for secret in secrets { #expect(!text.contains(secret), "\(secret) in the log") }
    }

    @Test("--log-format json turns a config's text into JSON; plugin refusals come out as JSON error lines")
    func flagOverridesConfig() async throws {
        let plugins = try TempDirectory()
        try plugins.write("junk.so", "not an ELF file")
        let config = try dir.write("text.cfg", "[default]\nlogFormat = text\n")
        let result = try await Command.bearmon(["plugins", "--config", config, "--plugins", plugins.path, "--log-format", "json"])
        let lines = objects(result.stderr)
        #expect(!lines.isEmpty, "\(result.stderr)")
        for object in lines { expectShape(object) }
        #expect(lines.contains { $0["level"] as? String == "error" && ($0["message"] as? String)?.contains("junk.so") == true }, "\(result.stderr)")

        let text = try await Command.bearmon(["plugins", "--config", config, "--plugins", plugins.path])
        #expect(text.stderr.contains("junk.so") && !text.stderr.hasPrefix("{"), "\(text.stderr)")
    }

    @Test("a log format that is neither text nor json is refused at its line, in the file and on the command line")
    func badFormat() async throws {
        let config = try dir.write("bad.cfg", "[default]\nlogFormat = yaml\n")
        let fromFile = try await Command.bearmon(["plugins", "--config", config])
        #expect(fromFile.status != 0)
        #expect(fromFile.stderr.contains("\(config):2: [default] logFormat: 'yaml' is not a log format (write text or json)"), "\(fromFile.stderr)")
        let fromFlag = try await Command.bearmon(["plugins", "--log-format", "xml"])
        #expect(fromFlag.status != 0)
        #expect(fromFlag.stderr.contains("xml") && fromFlag.stderr.contains("json"), "\(fromFlag.stderr)")
    }

    @Test("hostile messages stay one parseable line: quotes, newlines, control bytes, emoji; URLs in messages and metadata are masked")
    func hostileMessage() throws {
        let message = "a \"quoted\" word\nsecond line\ttab \u{0} nul \u{1B}[31m 🐻 http://bob:S3cretPw@127.0.0.1/x?api_key=K3yValue end"
        let line = JSONLogHandler.line(time: Date(timeIntervalSince1970: 0), level: .warning, label: "bearmon.test", message: message,
                                       metadata: ["url": "https://u:MetaPw@h/", "nested": ["list": ["http://x:ListPw@h/"], "n": "7"]],
                                       source: "BearmonCLI")
        #expect(!line.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["time"] as? String == "1970-01-01T00:00:00.000Z")
        #expect(object["level"] as? String == "warning")
        #expect(object["label"] as? String == "bearmon.test")
        let shown = try #require(object["message"] as? String)
        #expect(shown.hasPrefix("a \"quoted\" word\nsecond line\ttab \u{0} nul \u{1B}[31m 🐻 http://"))
        for secret in ["S3cretPw", "K3yValue", "MetaPw", "ListPw"] { #expect(!line.contains(secret), "\(secret) in \(line)") }
        #expect(shown.contains(SecretMask.mask))
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect((metadata["nested"] as? [String: Any])?["n"] as? String == "7")
    }
}

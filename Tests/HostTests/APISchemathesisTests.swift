import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonStore

/// schemathesis (pinned; script/bootstrap installs it in a venv) against a real standalone
/// node with a write token: the node and schemathesis both run inside a network namespace the
/// test creates with only `lo`, so the checks and webhooks the fuzzer invents reach nothing
/// else. It must find no 5xx and no answer outside the OpenAPI document.
@Suite("REST API under schemathesis")
struct APISchemathesisTests {
    /// Where script/bootstrap puts the venv.
    static let venv: String = {
        let environment = ProcessInfo.processInfo.environment
        if let venv = environment["BEARMON_SCHEMATHESIS_VENV"] { return venv }
        let cache = environment["XDG_CACHE_HOME"] ?? (environment["HOME"] ?? "/root") + "/.cache"
        return cache + "/bearmon/schemathesis"
    }()
    static var executable: String { venv + "/bin/schemathesis" }

    /// Whether to run: always under CI (where a missing schemathesis fails the test, saying
    /// so); elsewhere only when it is installed, printing why it is skipped otherwise.
    static let runs: Bool = {
        if FileManager.default.isExecutableFile(atPath: executable) || ProcessInfo.processInfo.environment["CI"] != nil { return true }
        print("APISchemathesisTests skipped: no schemathesis at \(executable); run script/bootstrap to install it (with CI set, the test fails instead)")
        return false
    }()

    /// The checks that hold answers to the document, requests that break it to a refusal, and
    /// deleted or created items to what reads then answer. Not the ones that would hold the document to the catalog's validation
    /// (positive_data_acceptance: a made-up check type is rightly refused though the schema
    /// cannot list the types), to the access rule (ignored_auth: reads are open on loopback by
    /// default), or to every method name there is (unsupported_method sends the likes of QUERY,
    /// which no route knows: 404; the usual methods get 405 with Allow, tested in APIRoutesTests).
    static let checks = "not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,"
        + "allow_header_conformance,use_after_free,ensure_resource_availability,negative_data_rejection"

    @Test("no 5xx and no answer that breaks the OpenAPI document, with a write token, inside a namespace with only lo",
          .enabled(if: runs), .timeLimit(.minutes(3)))
    func fuzz() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable),
                     "schemathesis is not installed at \(Self.executable): run script/bootstrap (it installs the pinned version into that venv)")
        let dir = try TempDirectory("bearmon-schemathesis")
        let plugins = dir.file("plugins")
        try FileManager.default.createDirectory(atPath: plugins, withIntermediateDirectories: false)
        for name in ["tcp", "http", "dns", "webhook", "email"] {
            try FileManager.default.copyItem(atPath: TestPaths.plugin(name), toPath: "\(plugins)/libbearmon-\(name).so")
        }
        let db = dir.file("api.sqlite")
        let store = SQLStore(database: try SQLiteDatabase(path: db))
        try store.migrate()
        // Id 1 of everything exists (the document's examples use it), so that get, patch and
        // delete reach real rows; token 1 is not schemathesis's own, which it may revoke.
        let check = try store.addCheck(NewCheck(name: "seed", type: "tcp", data: #"{"address":"127.0.0.1:9"}"#, interval: 60, delay: 0, enabled: false))
        let contact = try store.addContact(type: "webhook", data: #"{"url":"http://127.0.0.1:9/seed"}"#)
        _ = try store.addAlert(checkID: check, contactID: contact, type: .both)
        _ = try store.addToken(name: "seed", scope: .read, sha256: TokenSecret.sha256Hex(TokenSecret.generate()), now: 1_700_000_000_000)
        let token = TokenSecret.generate()
        _ = try store.addToken(name: "schemathesis", scope: .write, sha256: TokenSecret.sha256Hex(token), now: 1_700_000_000_000)

        let namespace = try LoopbackNamespace()
        defer { namespace.remove() }
        #expect(try namespace.links() == ["lo"])

        let address = "127.0.0.1:18080"
        let (ip, arguments) = namespace.command([TestPaths.bearmon, "standalone", "--db", "sqlite:\(db)", "--plugins", plugins, "--addr", address])
        let node = try BackgroundProcess(ip, arguments, log: dir.file("node.log"))
        defer { node.stop() }
        try #require(waitUntil(timeout: 60) { node.log.contains("serving on http://\(address)") || !node.isRunning } && node.isRunning,
                     "the node did not start: \(node.log)")

        // The token reaches schemathesis through its environment and config file, never argv.
        try dir.write("schemathesis.toml", #"headers = { Authorization = "Bearer ${BEARMON_TOKEN}" }"# + "\n")
        let started = Date()
        let run = try await namespace.run([
            Self.executable, "--config-file", dir.file("schemathesis.toml"), "run", "http://\(address)/api/v1/openapi.json",
            "--checks", Self.checks, "--phases", "examples,coverage,fuzzing,stateful", "--max-examples", "30", "--seed", "19",
            "--request-timeout", "10", "--no-color",
            // One worker: with two threads, CPython 3.11's ast.parse (which Hypothesis calls to
            // describe filters) now and then fails with "AST constructor recursion depth
            // mismatch", a runtime error of the tool rather than a finding.
            "--workers", "1",
        ], timeout: 110, environment: ["BEARMON_TOKEN": token], directory: dir.path)
        let output = run.stdout + run.stderr
        print("schemathesis took \(Int(Date().timeIntervalSince(started))) s; its summary:\n" + (output.components(separatedBy: "SUMMARY").last ?? output).suffix(3000))
        #expect(!run.timedOut, "schemathesis ran past its 110 s bound")
        #expect(run.status == 0, "schemathesis found problems:\n\(output.suffix(12_000))")
        let tested = output.firstMatch(of: /Tested: (\d+)/).flatMap { Int($0.1) } ?? 0
        #expect(tested >= 22, "schemathesis tested \(tested) operations, of the API:\n\(output.suffix(4000))")
        #expect(node.isRunning, "the node died: \(node.log.suffix(4000))")
        #expect(!node.log.contains(token) && !output.contains(token), "the token leaked into a log")
    }
}

import BearmonSystem
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BearmonCore
@testable import BearmonServer
@testable import BearmonStore
@testable import BearmonWire

/// ``NodeServer``'s routing in process, through Hummingbird's router test client: which group
/// guards what, the one body cap and the one refusal shape.
@Suite("node routing: signed, open and guarded routes")
struct NodeRoutingTests {
    static let password = "routing-test-password"

    /// A server as a viewserver's (no store), or a standalone node's when `password` is nil.
    private func server(password: String? = Self.password) -> NodeServer {
        // Hummingbird's router test client sends every request to "localhost".
        NodeServer(listen: HostPort(host: "127.0.0.1", port: 0), node: "n1", password: password, recipients: ["localhost"], monitor: nil, alerting: nil, logger: quietLogger)
    }

    /// Runs `test` against `server`'s routes, without a socket.
    private func test(_ server: NodeServer, _ test: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await server.application(services: []) {}.test(.router, test)
    }

    private func signature(_ method: String, _ path: String, _ body: [UInt8] = [], password: String = Self.password, host: String = "localhost") -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in RequestSignature.sign(method: method, path: path, host: host, body: body, node: "tester", password: password).headers where name != "Host" {
            fields[HTTPField.Name(name)!] = value
        }
        return fields
    }

    /// The `error` of a refusal, or nil when the body is not bearmon's refusal shape.
    private func refusal(_ response: TestResponse) -> WireError? {
        try? WireJSON.decoder.decode(WireError.self, from: Data(buffer: response.body))
    }

    @Test("a signed route needs a fresh signature with the cluster password; /healthz does not")
    func signedAndOpen() async throws {
        let server = server()
        server.signed.get("v1/probe") { _, _ in "signed" }
        try await test(server) { client in
            let unsigned = try await client.execute(uri: "/v1/probe", method: .get)
            #expect(unsigned.status == .unauthorized)
            #expect(refusal(unsigned)?.error.hasPrefix("authentication failed: ") == true, "\(String(buffer: unsigned.body))")
            let forged = try await client.execute(uri: "/v1/probe", method: .get, headers: signature("GET", "/v1/probe", password: "not-it"))
            #expect(forged.status == .unauthorized)
            let genuine = signature("GET", "/v1/probe")
            // A forgery reusing the genuine request's nonce does not use it up: nonces count
            // only once the MAC verifies.
            var forgedMAC = genuine
            forgedMAC[HTTPField.Name(RequestSignature.Header.signature)!] = String(repeating: "ab", count: 32)
            #expect(try await client.execute(uri: "/v1/probe", method: .get, headers: forgedMAC).status == .unauthorized)
            let signed = try await client.execute(uri: "/v1/probe", method: .get, headers: genuine)
            #expect(signed.status == .ok && String(buffer: signed.body) == "signed")
            let replayed = try await client.execute(uri: "/v1/probe", method: .get, headers: genuine)
            #expect(replayed.status == .unauthorized)
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok && String(buffer: health.body) == #"{"node":"n1","status":"ok"}"#)
        }
    }

    @Test("a signed route's answer, refusals included, is signed over its status and the request's nonce; hostile signature headers get 401 without trapping")
    func signedReplies() async throws {
        let server = server()
        server.signed.get("v1/probe") { _, _ in "signed" }
        server.signed.get("v1/conflict") { _, _ -> Response in throw NodeHTTPError(.conflict, "this node is not the controller", view: 7) }
        try await test(server) { client in
            for path in ["/v1/probe", "/v1/conflict"] {
                let request = RequestSignature.sign(method: "GET", path: path, host: "localhost", body: [], node: "tester", password: Self.password)
                var fields = HTTPFields()
                for (name, value) in request.headers where name != "Host" { fields[HTTPField.Name(name)!] = value }
                let response = try await client.execute(uri: path, method: .get, headers: fields)
                let body = Array(buffer: response.body)
                func verify(status: Int = Int(response.status.code), nonce: String = request.nonce, password: String = Self.password) throws {
                    try ReplySignature.verify(status: status, nonce: nonce, body: body, key: Array(password.utf8), maxSkew: .seconds(30)) {
                        response.headers[HTTPField.Name($0)!]
                    }
                }
                #expect(throws: Never.self, "\(path)") { try verify() }
                // Not for another request, with another status, or under another password.
                #expect(throws: SignatureVerifier.Refusal.self) { try verify(nonce: String(repeating: "0", count: 32)) }
                #expect(throws: SignatureVerifier.Refusal.self) { try verify(status: Int(response.status.code) + 1) }
                #expect(throws: SignatureVerifier.Refusal.self) { try verify(password: "not-it") }
            }
            let hostile = [("X-Bearmon-Timestamp", "-9223372036854775808"), ("X-Bearmon-Timestamp", "9223372036854775807"), ("X-Bearmon-Timestamp", "1e3"),
                           ("X-Bearmon-Nonce", String(repeating: "z", count: 32)), ("X-Bearmon-Signature", ""), ("X-Bearmon-Signature", String(repeating: "a", count: 100_000))]
            for (name, value) in hostile {
                var fields = signature("GET", "/v1/probe")
                fields[HTTPField.Name(name)!] = value
                let response = try await client.execute(uri: "/v1/probe", method: .get, headers: fields)
                #expect(response.status == .unauthorized, "\(name): \(value.prefix(40))")
            }
        }
    }

    @Test("a node without a cluster password refuses every signed route with 403 and serves its open ones")
    func noPassword() async throws {
        let server = server(password: nil)
        server.signed.get("v1/probe") { _, _ in "signed" }
        server.open.get("v1/open") { _, _ in "open" }
        try await test(server) { client in
            let signed = try await client.execute(uri: "/v1/probe", method: .get, headers: signature("GET", "/v1/probe"))
            #expect(signed.status == .forbidden)
            #expect(refusal(signed)?.error == "this node has no cluster password, so it serves no node-to-node requests")
            #expect(try await client.execute(uri: "/v1/open", method: .get).status == .ok)
        }
    }

    @Test("one body cap on every path: signed, open, token-guarded and unknown paths answer 413 past it, and take a body at it")
    func bodyCap() async throws {
        let server = server()
        server.signed.post("v1/size") { request, _ in "\(try await request.body.collect(upTo: .max).readableBytes)" }
        server.open.post("v1/open-size") { request, _ in "\(try await request.body.collect(upTo: .max).readableBytes)" }
        server.guarded.post("api/v1/size") { _, _ in "never" }
        let over = [UInt8](repeating: UInt8(ascii: "x"), count: NodeServer.maxBodyBytes + 1)
        let at = [UInt8](repeating: UInt8(ascii: "x"), count: NodeServer.maxBodyBytes)
        try await test(server) { client in
            for path in ["/v1/size", "/v1/open-size", "/api/v1/size", "/nowhere", "/v1/healthchecks"] {
                let response = try await client.execute(uri: path, method: .post, headers: signature("POST", path, over), body: ByteBuffer(bytes: over))
                #expect(response.status == .contentTooLarge, "\(path)")
                #expect(refusal(response)?.error == "request body larger than \(NodeServer.maxBodyBytes) bytes", "\(path)")
            }
            let signed = try await client.execute(uri: "/v1/size", method: .post, headers: signature("POST", "/v1/size", at), body: ByteBuffer(bytes: at))
            #expect(signed.status == .ok && String(buffer: signed.body) == "\(at.count)")
            let open = try await client.execute(uri: "/v1/open-size", method: .post, body: ByteBuffer(bytes: at))
            #expect(open.status == .ok && String(buffer: open.body) == "\(at.count)")
        }
    }

    @Test("guarded routes on a node without a store (the viewserver) answer 404 saying to use a worker, whatever the request carries")
    func guardedWithoutStore() async throws {
        let server = server()
        server.guarded.get("api/v1/whoami") { _, _ in "you" }
        try await test(server) { client in
            let headers: [HTTPFields] = [[:], [.authorization: "Bearer bm_x"], [.authorization: "garbage"], [.cookie: "bearmon_session=1.2.3.4"]]
            for fields in headers {
                let response = try await client.execute(uri: "/api/v1/whoami", method: .get, headers: fields)
                #expect(response.status == .notFound, "\(fields)")
                #expect(refusal(response)?.error.contains("use a worker's address") == true, "\(String(buffer: response.body))")
            }
            #expect(try await client.execute(uri: "/login", method: .get).status == .notFound)
        }
    }

    @Test("Hummingbird's own refusals (unknown path, unreadable body) answer in bearmon's shape")
    func refusalShape() async throws {
        let server = server()
        server.signed.post("v1/ping") { request, context in
            _ = try await request.decode(as: PingRequest.self, context: context)
            return "pong"
        }
        try await test(server) { client in
            let missing = try await client.execute(uri: "/nowhere", method: .get)
            #expect(missing.status == .notFound && refusal(missing)?.error == "/nowhere: Not Found", "\(String(buffer: missing.body))")
            let body = Array("{\"view\": ".utf8)
            let garbled = try await client.execute(uri: "/v1/ping", method: .post, headers: signature("POST", "/v1/ping", body), body: ByteBuffer(bytes: body))
            #expect(garbled.status == .badRequest)
            #expect(refusal(garbled)?.error.isEmpty == false, "\(String(buffer: garbled.body))")
        }
    }

    @Test("/v1/checks: a store that fails is 503 naming the error; a refusal keeps its status and view")
    func checksRefusals() async throws {
        let down = server(password: nil)
        NodeRoutes.checks(down.open) {
            throw StoreError.unreachable(location: "mysql:bearmon:***@tcp(127.0.0.1:1)/b", attempts: 3,
                                         cause: MySQLError(function: "mysql_real_connect", code: 2003, sqlState: "HY000", message: "Can't connect"))
        }
        try await test(down) { client in
            let response = try await client.execute(uri: "/v1/checks", method: .get)
            #expect(response.status == .serviceUnavailable)
            #expect(refusal(response)?.error == "the store is down: cannot reach MySQL at mysql:bearmon:***@tcp(127.0.0.1:1)/b after 3 attempts: mysql_real_connect: [2003/HY000] Can't connect")
        }
        let follower = server()
        NodeRoutes.checks(follower.signed) { throw NodeHTTPError(.conflict, "this node is not the controller", view: 7) }
        try await test(follower) { client in
            let response = try await client.execute(uri: "/v1/checks", method: .get, headers: signature("GET", "/v1/checks"))
            #expect(response.status == .conflict)
            #expect(refusal(response) == WireError(error: "this node is not the controller", view: 7))
        }
    }

    @Test("a node without a store answers 404 on every path of monitor-srv's API, both methods")
    func noStore() async throws {
        try await test(server()) { client in
            for path in ["/v1/healthchecks", "/v1/services", "/v1/status", "/v1/stats"] {
                for method in [HTTPRequest.Method.get, .post] {
                    let response = try await client.execute(uri: path, method: method, body: ByteBuffer(string: "{}"))
                    #expect(response.status == .notFound, "\(method) \(path)")
                    #expect(refusal(response)?.error.hasPrefix("this node has no store") == true)
                }
            }
        }
    }
}

import BearmonSystem
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
@testable import BearmonAPI
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonServer
@testable import BearmonStore
@testable import BearmonWire

/// The REST API's HTTP layer in process, over a small in-memory ``CatalogService``: routing,
/// statuses, query and body parsing, the refusal shape, and the OpenAPI document held to the
/// routes. What the catalog itself does (validation, masking, cursors) is LocalCatalog's and
/// is tested over HTTP on real nodes (APINodeTests).
@Suite("REST API routes (in process)")
struct APIRoutesTests {
    /// A node's server (no store, no password) with the API on its open group: the access rule
    /// in front of it on a real node (``NodeServer/guarded``) is tested by the Access suites and APINodeTests.
    private func test(_ catalog: FakeCatalog = FakeCatalog(), _ test: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let server = NodeServer(listen: HostPort(host: "127.0.0.1", port: 0), node: "n1", password: nil, monitor: nil, alerting: nil, logger: quietLogger)
        APIRoutes.add(to: server.open, catalog: catalog)
        try await server.application(services: []) {}.test(.router, test)
    }

    private static let json: HTTPFields = [.contentType: "application/json"]

    /// The `error` of a refusal, or nil when the body is not the refusal shape.
    private func refusal(_ response: TestResponse) -> String? {
        (try? JSONDecoder().decode([String: String].self, from: Data(buffer: response.body)))?["error"]
    }

    private func object(_ response: TestResponse) throws -> [String: JSONValue] {
        guard case .object(let fields) = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body)) else {
            throw FakeCatalog.NotAnObject(body: String(buffer: response.body))
        }
        return fields
    }

    @Test("create, get, list, patch and delete: 201 with Location, 200, 204, then 404 in the refusal shape")
    func crudCycle() async throws {
        try await test { client in
            let created = try await client.execute(uri: "/api/v1/checks", method: .post, headers: Self.json, body: ByteBuffer(string: #"{"name":"web","type":"http"}"#))
            #expect(created.status == .created)
            #expect(created.headers[.contentType] == "application/json")
            let check = try object(created)
            #expect(check["name"] == .string("web"))
            guard case .int(let id) = check["id"] else { Issue.record("no id in \(String(buffer: created.body))"); return }
            #expect(created.headers[.location] == "/api/v1/checks/\(id)")

            let fetched = try await client.execute(uri: "/api/v1/checks/\(id)", method: .get)
            #expect(fetched.status == .ok && String(buffer: fetched.body) == String(buffer: created.body))
            let list = try await client.execute(uri: "/api/v1/checks", method: .get)
            #expect(list.status == .ok)
            #expect(String(buffer: list.body).hasPrefix(#"{"items":[{"#), "\(String(buffer: list.body))")

            let patched = try await client.execute(uri: "/api/v1/checks/\(id)", method: .patch, headers: [.contentType: "application/merge-patch+json"],
                                                   body: ByteBuffer(string: #"{"name":"web2"}"#))
            #expect(patched.status == .ok)
            #expect(try object(patched)["name"] == .string("web2"))

            let deleted = try await client.execute(uri: "/api/v1/checks/\(id)", method: .delete)
            #expect(deleted.status == .noContent && deleted.body.readableBytes == 0)
            let gone = try await client.execute(uri: "/api/v1/checks/\(id)", method: .get)
            #expect(gone.status == .notFound)
            #expect(refusal(gone) == "check \(id) does not exist")
            let goneAgain = try await client.execute(uri: "/api/v1/checks/\(id)", method: .delete)
            #expect(goneAgain.status == .notFound)
        }
    }

    @Test("HEAD is answered wherever GET is, without a body")
    func head() async throws {
        try await test { client in
            let get = try await client.execute(uri: "/api/v1/tokens", method: .get)
            let head = try await client.execute(uri: "/api/v1/tokens", method: .head)
            #expect(head.status == .ok && head.body.readableBytes == 0 && get.body.readableBytes > 0)
            #expect(head.headers[.contentType] == "application/json")
            #expect(try await client.execute(uri: "/api/v1/checks/9", method: .head).status == .notFound)
        }
    }

    @Test("every CatalogError kind answers its own status with {\"error\": message}")
    func refusals() async throws {
        let catalog = FakeCatalog()
        try await test(catalog) { client in
            for kind in [CatalogError.Kind.invalid, .unauthorized, .forbidden, .notFound, .conflict, .unavailable] {
                catalog.refuseNext(CatalogError(kind, "refused as \(kind)"))
                let response = try await client.execute(uri: "/api/v1/contacts", method: .get)
                #expect(Int(response.status.code) == kind.rawValue)
                #expect(response.headers[.contentType] == "application/json")
                #expect(refusal(response) == "refused as \(kind)")
            }
        }
    }

    @Test("limit and cursor: passed on when valid; 400 naming the parameter for bad, unknown or repeated ones")
    func pageParameters() async throws {
        let catalog = FakeCatalog()
        try await test(catalog) { client in
            let fine = try await client.execute(uri: "/api/v1/checks?limit=500&cursor=abc%20d&tag=db", method: .get)
            #expect(fine.status == .ok)
            #expect(catalog.lastPage == PageRequest(limit: 500, cursor: "abc d"))
            #expect(catalog.lastTag == "db")
            _ = try await client.execute(uri: "/api/v1/checks", method: .get)
            #expect(catalog.lastPage == PageRequest(limit: 100, cursor: nil) && catalog.lastTag == nil)
            _ = try await client.execute(uri: "/api/v1/checks/7/results?limit=1", method: .get)
            #expect(catalog.lastPage == PageRequest(limit: 1, cursor: nil))

            let huge = String(repeating: "9", count: 400)
            for limit in ["0", "501", "-1", "abc", "", "1.5", huge, "0x10", "%FF"] {
                let response = try await client.execute(uri: "/api/v1/checks?limit=\(limit)", method: .get)
                #expect(response.status == .badRequest, "limit=\(limit)")
                #expect(refusal(response)?.hasPrefix("limit '") == true, "\(String(buffer: response.body))")
                #expect(refusal(response)?.hasSuffix("is not a number from 1 to 500") == true)
                #expect((refusal(response)?.count ?? 0) < 200, "the message quotes a huge value in full")
            }
            let bare = try await client.execute(uri: "/api/v1/contacts?limit", method: .get)
            #expect(bare.status == .badRequest)
            let empty = try await client.execute(uri: "/api/v1/contacts?cursor=", method: .get)
            #expect(refusal(empty)?.hasPrefix("cursor is empty") == true)
            let unknown = try await client.execute(uri: "/api/v1/contacts?tag=db", method: .get)
            #expect(unknown.status == .badRequest)
            #expect(refusal(unknown) == "unknown query parameter 'tag'; this list takes limit, cursor")
            let twice = try await client.execute(uri: "/api/v1/checks?limit=1&limit=2", method: .get)
            #expect(refusal(twice) == "query parameter limit is given twice; give it once")
            let tampered = try await client.execute(uri: "/api/v1/checks?cursor=tampered", method: .get)
            #expect(tampered.status == .badRequest && refusal(tampered) == "cursor 'tampered' is not one this list gave")
        }
    }

    @Test("path ids that are not numbers get 400 naming the item; ids that do not exist get the catalog's 404")
    func pathIDs() async throws {
        try await test { client in
            for id in ["abc", "1.0", String(repeating: "9", count: 30), "%00", "0x1"] {
                let response = try await client.execute(uri: "/api/v1/alerts/\(id)", method: .get)
                #expect(response.status == .badRequest, "id \(id)")
                #expect(refusal(response)?.contains("is not a number; use an id from GET /api/v1/alerts") == true, "\(String(buffer: response.body))")
            }
            let flips = try await client.execute(uri: "/api/v1/checks/x/flips", method: .get)
            #expect(refusal(flips)?.hasPrefix("check id 'x' is not a number") == true)
            for id in ["-1", "0", "9223372036854775807"] {
                #expect(try await client.execute(uri: "/api/v1/checks/\(id)", method: .get).status == .notFound)
            }
        }
    }

    @Test("bodies: 415 unless declared JSON; 400 for empty, broken, non-UTF-8, non-object or absurdly nested JSON; the catalog is not called")
    func bodies() async throws {
        let catalog = FakeCatalog()
        try await test(catalog) { client in
            for type in [nil, "text/plain", "application/x-www-form-urlencoded", "application/jsonx", "application/merge-patch+json"] {
                let headers: HTTPFields = type.map { [.contentType: $0] } ?? [:]
                let response = try await client.execute(uri: "/api/v1/checks", method: .post, headers: headers, body: ByteBuffer(string: #"{"name":"x"}"#))
                #expect(response.status == .unsupportedMediaType, "Content-Type \(type ?? "none")")
                #expect(refusal(response)?.hasSuffix("send a JSON object with Content-Type: application/json") == true)
            }
            let charset = try await client.execute(uri: "/api/v1/checks", method: .post, headers: [.contentType: "Application/JSON; charset=utf-8"],
                                                   body: ByteBuffer(string: #"{"name":"x"}"#))
            #expect(charset.status == .created)

            let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
            let cases: [(String, [UInt8], String)] = [
                ("empty", [], "the body is empty; send a JSON object"),
                ("broken", Array(#"{"name":"#.utf8), "the body is not valid JSON"),
                ("array", Array("[1,2]".utf8), "the body is an array; send a JSON object"),
                ("string", Array(#""x""#.utf8), "the body is a string; send a JSON object"),
                ("null", Array("null".utf8), "the body is null; send a JSON object"),
                ("non-UTF-8", [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D], "the body is not valid JSON"),
                ("deep", Array(deep.utf8), "the body is not valid JSON"),
            ]
            let before = catalog.calls
            for (name, bytes, message) in cases {
                for (method, path) in [(HTTPRequest.Method.post, "/api/v1/contacts"), (.patch, "/api/v1/contacts/1")] {
                    let response = try await client.execute(uri: path, method: method, headers: Self.json, body: ByteBuffer(bytes: bytes))
                    #expect(response.status == .badRequest, "\(name) \(method)")
                    #expect(refusal(response)?.hasPrefix(message) == true, "\(name): \(String(buffer: response.body).prefix(300))")
                }
            }
            #expect(catalog.calls == before, "a refused body reached the catalog")
        }
    }

    @Test("a body over the node's limit is refused with 413 in the refusal shape")
    func oversizedBody() async throws {
        try await test { client in
            let big = ByteBuffer(repeating: UInt8(ascii: " "), count: NodeServer.maxBodyBytes + 1)
            let response = try await client.execute(uri: "/api/v1/checks", method: .post, headers: Self.json, body: big)
            #expect(response.status == .contentTooLarge)
            #expect(refusal(response) != nil)
        }
    }

    @Test("token creation answers the token once; listings never carry it")
    func tokenOnce() async throws {
        try await test { client in
            let created = try await client.execute(uri: "/api/v1/tokens", method: .post, headers: Self.json, body: ByteBuffer(string: #"{"name":"ci","scope":"write"}"#))
            #expect(created.status == .created)
            #expect(try object(created)["token"] == .string(FakeCatalog.token))
            let list = try await client.execute(uri: "/api/v1/tokens", method: .get)
            #expect(!String(buffer: list.body).contains(FakeCatalog.token))
            #expect(String(buffer: list.body).contains(#""name":"ci""#))
        }
    }

    @Test("a method an API path does not serve gets 405 with Allow; a path that does not exist gets 404; both in the refusal shape")
    func unservedPaths() async throws {
        try await test { client in
            for (method, path, allow) in [(HTTPRequest.Method.put, "/api/v1/checks/1", "GET, PATCH, DELETE"), (.delete, "/api/v1/checks", "GET, POST"),
                                          (.post, "/api/v1/openapi.json", "GET"), (.patch, "/api/v1/checks/1/flips", "GET")] {
                let response = try await client.execute(uri: path, method: method)
                #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                #expect(response.headers[.allow] == allow)
                #expect(refusal(response) == "\(method.rawValue) is not served on \(path.replacingOccurrences(of: "/1", with: "/{id}")); it takes \(allow)")
            }
            for (method, path) in [(HTTPRequest.Method.get, "/api/v1/nothing"), (.get, "/api/v2/checks"), (.get, "/api/v1/checks/1/nothing")] {
                let response = try await client.execute(uri: path, method: method)
                #expect(response.status == .notFound, "\(method) \(path)")
                #expect(refusal(response) != nil)
            }
        }
    }

    @Test("a node without a store answers every API path 404, saying to use a worker's address")
    func viewserverRefuses() async throws {
        let server = NodeServer(listen: HostPort(host: "127.0.0.1", port: 0), node: "vs", password: nil, monitor: nil, alerting: nil, logger: quietLogger)
        APIRoutes.unavailable(on: server.open, reason: "no store here; use a worker's address")
        try await server.application(services: []) {}.test(.router) { client in
            for (method, path) in [(HTTPRequest.Method.get, "/api/v1/checks"), (.post, "/api/v1/checks"), (.patch, "/api/v1/alerts/3"),
                                   (.get, "/api/v1/openapi.json"), (.get, "/api/v1"), (.delete, "/api/v1/checks/1/flips")] {
                let response = try await client.execute(uri: path, method: method, headers: Self.json, body: ByteBuffer(string: "{}"))
                #expect(response.status == .notFound, "\(method) \(path)")
                #expect(refusal(response) == "no store here; use a worker's address")
            }
        }
    }
}

/// The OpenAPI document against the routes: exactly what is served, with the bearer scheme
/// and 401/403 on every operation.
@Suite("REST API OpenAPI document")
struct APIOpenAPIDocumentTests {
    private func document() throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(OpenAPIDocument.text.utf8)) as? [String: Any])
    }

    @Test("it is OpenAPI 3.1 and describes exactly the served operations, each with 401 and 403")
    func matchesRoutes() throws {
        let doc = try document()
        #expect(doc["openapi"] as? String == "3.1.0")
        let paths = try #require(doc["paths"] as? [String: [String: Any]])
        var described: Set<String> = []
        let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        for (path, item) in paths {
            for (method, operation) in item where methods.contains(method) {
                described.insert("\(method.uppercased()) \(path)")
                let responses = try #require((operation as? [String: Any])?["responses"] as? [String: Any])
                #expect(responses["401"] != nil && responses["403"] != nil, "\(method) \(path) lacks 401 or 403")
            }
        }
        let access = AccessPolicy(tokens: nil, openReads: false, secure: false, logger: quietLogger)
        let uptime = UptimeRoutes.endpoints(UptimeService(store: SQLStore(database: try SQLiteDatabase(path: ":memory:")), days: .utc), access: access)
        let served = Set((APIRoutes.endpoints(FakeCatalog()) + uptime).map { "\($0.method.rawValue) \($0.fullPath)" })
        #expect(described == served, "described but not served: \(described.subtracting(served)); served but not described: \(served.subtracting(described))")
    }

    @Test("bearer tokens are the security scheme of the whole API, and every $ref resolves")
    func security() throws {
        let doc = try document()
        let security = try #require(doc["security"] as? [[String: Any]])
        #expect(security.contains { $0["bearer"] != nil })
        let schemes = try #require((doc["components"] as? [String: Any])?["securitySchemes"] as? [String: [String: String]])
        #expect(schemes["bearer"]?["type"] == "http" && schemes["bearer"]?["scheme"] == "bearer")

        let text = OpenAPIDocument.text
        let refs = text.matches(of: /"\$ref": "#\/components\/(\w+)\/(\w+)"/).map { (String($0.1), String($0.2)) }
        #expect(!refs.isEmpty)
        let components = try #require(doc["components"] as? [String: [String: Any]])
        for (section, name) in refs {
            #expect(components[section]?[name] != nil, "unresolved $ref \(section)/\(name)")
        }
    }

    @Test("GET /api/v1/openapi.json serves the document as JSON")
    func served() async throws {
        let server = NodeServer(listen: HostPort(host: "127.0.0.1", port: 0), node: "n1", password: nil, monitor: nil, alerting: nil, logger: quietLogger)
        APIRoutes.add(to: server.open, catalog: FakeCatalog())
        try await server.application(services: []) {}.test(.router) { client in
            let response = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            #expect(response.status == .ok && response.headers[.contentType] == "application/json")
            #expect(String(buffer: response.body) == OpenAPIDocument.text)
        }
    }
}

/// An in-memory catalog for the route tests: checks and tokens kept in a dictionary, the rest
/// empty. It records the last page asked for, and can be told to refuse the next call.
final class FakeCatalog: CatalogService {
    struct NotAnObject: Error { let body: String }
    static let token = "bm_fake-token-for-route-tests"

    private struct State {
        var checks: [Int64: CheckResource] = [:]
        var nextID: Int64 = 1
        var lastPage: PageRequest?
        var lastTag: String?
        var refusal: CatalogError?
        var calls = 0
        var lastQuiet: Bool?
    }
    private let state = Mutex(State())

    var lastPage: PageRequest? { state.withLock { $0.lastPage } }
    var lastTag: String? { state.withLock { $0.lastTag } }
    var calls: Int { state.withLock { $0.calls } }
    /// The `quiet` of the last delete or update that takes one.
    var lastQuiet: Bool? { state.withLock { $0.lastQuiet } }
    func refuseNext(_ error: CatalogError) { state.withLock { $0.refusal = error } }

    /// Counts the call and throws a refusal set by ``refuseNext(_:)``.
    private func enter(_ page: PageRequest? = nil) throws(CatalogError) {
        let refusal = state.withLock { state -> CatalogError? in
            state.calls += 1
            if let page { state.lastPage = page }
            defer { state.refusal = nil }
            return state.refusal
        }
        if let refusal { throw refusal }
        if let cursor = page?.cursor, Int64(cursor) == nil, cursor != "abc d" {
            throw CatalogError(.invalid, "cursor '\(cursor)' is not one this list gave")
        }
    }

    func listChecks(_ page: PageRequest, tag: String?) throws(CatalogError) -> Page<CheckResource> {
        try enter(page)
        return state.withLock { state in
            state.lastTag = tag
            return Page(items: state.checks.values.sorted { $0.id < $1.id }.prefix(page.limit).map { $0 }, next: nil)
        }
    }

    func check(_ id: Int64) throws(CatalogError) -> CheckResource {
        try enter()
        guard let check = state.withLock({ $0.checks[id] }) else { throw CatalogError(.notFound, "check \(id) does not exist") }
        return check
    }

    func createCheck(_ body: JSONValue) throws(CatalogError) -> CheckResource {
        try enter()
        guard case .object(let fields) = body, case .string(let name)? = fields["name"] else { throw CatalogError(.invalid, "name: give a string") }
        return state.withLock { state in
            let check = CheckResource(id: state.nextID, name: name, type: "http", data: .object([:]), interval: 60, delay: 0, enabled: true,
                                      status: nil, tags: [], public: false)
            state.checks[check.id] = check
            state.nextID += 1
            return check
        }
    }

    func updateCheck(_ id: Int64, patch: JSONValue, quiet: Bool) throws(CatalogError) -> CheckResource {
        var check = try self.check(id)
        state.withLock { $0.lastQuiet = quiet }
        if case .object(let fields) = patch, case .string(let name)? = fields["name"] { check.name = name }
        state.withLock { $0.checks[id] = check }
        return check
    }

    func deleteCheck(_ id: Int64, quiet: Bool) throws(CatalogError) {
        _ = try check(id)
        state.withLock { $0.lastQuiet = quiet }
        state.withLock { _ = $0.checks.removeValue(forKey: id) }
    }

    func listContacts(_ page: PageRequest) throws(CatalogError) -> Page<ContactResource> { try enter(page); return Page(items: [], next: nil) }
    func contact(_ id: Int64) throws(CatalogError) -> ContactResource { try enter(); throw CatalogError(.notFound, "contact \(id) does not exist") }
    func createContact(_ body: JSONValue) throws(CatalogError) -> ContactResource { try enter(); throw CatalogError(.invalid, "type: give one") }
    func updateContact(_ id: Int64, patch: JSONValue) throws(CatalogError) -> ContactResource { try contact(id) }
    func deleteContact(_ id: Int64, quiet: Bool) throws(CatalogError) { _ = try contact(id) }
    func testContact(_ id: Int64) throws(CatalogError) -> TestNotificationResource { _ = try contact(id); throw CatalogError(.notFound, "contact \(id) does not exist") }

    func listAlerts(_ page: PageRequest) throws(CatalogError) -> Page<AlertResource> { try enter(page); return Page(items: [], next: nil) }
    func alert(_ id: Int64) throws(CatalogError) -> AlertResource { try enter(); throw CatalogError(.notFound, "alert \(id) does not exist") }
    func createAlert(_ body: JSONValue) throws(CatalogError) -> AlertResource { try enter(); throw CatalogError(.notFound, "check 1 does not exist") }
    func updateAlert(_ id: Int64, patch: JSONValue, quiet: Bool) throws(CatalogError) -> AlertResource { try alert(id) }
    func deleteAlert(_ id: Int64, quiet: Bool) throws(CatalogError) { _ = try alert(id) }

    private static let tokenRow = APITokenRow(id: 1, name: "ci", scope: .write, createdAt: 1_700_000_000_000, lastUsedAt: nil)
    func listTokens(_ page: PageRequest) throws(CatalogError) -> Page<TokenResource> { try enter(page); return Page(items: [TokenResource(Self.tokenRow)], next: nil) }
    func token(_ id: Int64) throws(CatalogError) -> TokenResource { try enter(); return TokenResource(Self.tokenRow) }
    func createToken(_ body: JSONValue) throws(CatalogError) -> TokenResource { try enter(); return TokenResource(Self.tokenRow, token: Self.token) }
    func updateToken(_ id: Int64, patch: JSONValue) throws(CatalogError) -> TokenResource { try token(id) }
    func deleteToken(_ id: Int64) throws(CatalogError) { try enter() }

    func results(check id: Int64, _ page: PageRequest) throws(CatalogError) -> Page<ResultResource> { try enter(page); return Page(items: [], next: nil) }
    func flips(check id: Int64, _ page: PageRequest) throws(CatalogError) -> Page<FlipResource> { try enter(page); return Page(items: [], next: nil) }
    func exportConfig() throws(CatalogError) -> ConfigExport { try enter(); return ConfigExport(yaml: "checks: {}\n") }
    func applyConfig(_ request: ConfigApplyRequest) throws(CatalogError) -> ConfigApplyReport {
        try enter()
        return ConfigApplyReport(lines: [], summary: "0 to add, 0 to change, 0 to delete", changes: false, kept: false, applied: false)
    }
}

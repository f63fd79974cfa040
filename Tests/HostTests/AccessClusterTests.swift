import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonServer
@testable import BearmonStore

/// The access rule on a cluster: every worker checks tokens in the shared MariaDB database,
/// a session opened on one worker works on another, revoking on one ends it everywhere, and
/// the viewserver (no store) refuses guarded paths and sign-in, naming the fix.
@Suite("access rule: on a cluster's workers and its viewserver")
struct AccessClusterTests {
    @Test("closed reads on workers: tokens from the shared database; a sign-in on one worker works on the other; revocation ends both")
    func cluster() async throws {
        let cluster = try await Cluster(workers: 2, confirmations: 1, workerConfig: { _ in "[api]\nopenReads = false" })
        let reader = TokenSecret.generate(), writer = TokenSecret.generate()
        _ = try cluster.store.addToken(name: "reader", scope: .read, sha256: TokenSecret.sha256Hex(reader), now: 1)
        let writerID = try cluster.store.addToken(name: "writer", scope: .write, sha256: TokenSecret.sha256Hex(writer), now: 2)
        let failures = try await offPool { () -> [String] in
            try cluster.start()
            defer { cluster.stop() }
            var failures: [String] = []
            let (one, two) = ("127.0.0.1:\(cluster.workerPorts[0])", "127.0.0.1:\(cluster.workerPorts[1])")
            func call(_ address: String, _ method: String, _ path: String, _ headers: [String: String] = [:]) throws -> JSONAnswer {
                let body = method == "POST" ? Data(MonitorMessages.healthCheck("cluster.access", node: "n-\(address)").utf8) : nil
                let (code, data) = try HTTPTestClient.request("http://\(address)\(path)", method: method, body: body, headers: headers)
                return JSONAnswer(code: code, data: data)
            }
            if try call(one, "GET", "/v1/healthchecks").code != 401 { failures.append("worker: a query without a token was answered") }
            if try call(one, "GET", "/v1/healthchecks", ["Authorization": "Bearer \(reader)"]).code != 200 { failures.append("worker: the read token was refused") }
            if try call(one, "POST", "/v1/healthchecks", ["Authorization": "Bearer \(reader)"]).code != 403 { failures.append("worker: a read token pushed") }
            if try call(one, "POST", "/v1/healthchecks", ["Authorization": "Bearer \(writer)"]).code != 200 { failures.append("worker: the write token could not push") }
            // A worker's /v1/checks stays node-to-node: signed, whatever token comes.
            if try call(one, "GET", "/v1/checks", ["Authorization": "Bearer \(writer)"]).code != 401 { failures.append("worker: /v1/checks took a bearer token") }

            let (status, setCookie) = try SignIn.post(one, token: writer)
            let cookie = setCookie.flatMap { $0.split(separator: ";").first.map(String.init) }
            if status != 303 || cookie?.hasPrefix("bearmon_session=") != true { failures.append("sign-in on worker 1: \(status) \(setCookie ?? "no cookie")") }
            if setCookie?.contains("HttpOnly") != true || setCookie?.contains("SameSite=Strict") != true { failures.append("cookie attributes: \(setCookie ?? "")") }
            let (foreign, foreignCookie) = try SignIn.post(one, token: writer, origin: "https://evil.example")
            if foreign != 403 || foreignCookie != nil { failures.append("a sign-in from another site: \(foreign)") }
            if let cookie {
                if try call(two, "POST", "/v1/healthchecks", ["Cookie": cookie]).code != 200 { failures.append("worker 2 refused worker 1's session") }
                try cluster.store.removeToken(writerID)
                for address in [one, two] where try call(address, "GET", "/v1/healthchecks", ["Cookie": cookie]).code != 401 {
                    failures.append("\(address) kept a revoked token's session")
                }
            }
            if try call(two, "GET", "/v1/healthchecks", ["Authorization": "Bearer \(writer)"]).code != 401 { failures.append("worker 2 took a revoked token") }

            let view = "127.0.0.1:\(cluster.viewPort)"
            let login = try call(view, "GET", "/login")
            if login.code != 404 || !login.error.contains("use a worker's address") { failures.append("viewserver /login: \(login.code) \(login.error)") }
            let (viewSignIn, _) = try SignIn.post(view, token: reader)
            if viewSignIn != 404 { failures.append("viewserver sign-in: \(viewSignIn)") }
            let logs = (1...2).map { (try? String(contentsOfFile: cluster.dir.file("worker\($0).log"), encoding: .utf8)) ?? "" }.joined()
            if logs.contains(writer) || logs.contains(reader) { failures.append("a token is in a worker's log") }
            return failures
        }
        #expect(failures.isEmpty, "\(failures)")
    }
}

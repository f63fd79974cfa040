import BearmonSystem
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonRoles
@testable import BearmonServer
@testable import BearmonStore

/// When a push needs a token (README, "Access"): every combination of listen address,
/// `[api] openReads` and `[push] token`, in process with the real ``TokenBook``.
@Suite("access: when pushes need a token")
struct AccessPushRuleTests {
    @Test("pushes are open only on a loopback-only node with open reads and no [push] token; otherwise the push token or a write token",
          arguments: [
              ("127.0.0.1", true, nil as String?, true), ("localhost", true, nil, true),
              ("127.0.0.1", false, nil, false), ("0.0.0.0", true, nil, false), ("10.0.0.1", true, nil, false), ("0.0.0.0", false, nil, false),
              ("127.0.0.1", true, "push-secret", false), ("0.0.0.0", false, "push-secret", false),
          ])
    func pushes(host: String, openReads: Bool, pushToken: String?, openPushes: Bool) async throws {
        let dir = try TempDirectory("bearmon-pushrule")
        let store = SQLStore(database: try SQLiteDatabase(path: dir.file("p.sqlite")))
        try store.migrate()
        let reader = TokenSecret.generate(), writer = TokenSecret.generate()
        _ = try store.addToken(name: "reader", scope: .read, sha256: TokenSecret.sha256Hex(reader), now: 1)
        _ = try store.addToken(name: "writer", scope: .write, sha256: TokenSecret.sha256Hex(writer), now: 1)
        let server = NodeServer(listen: HostPort(host: host, port: 0), node: "n1", password: nil, monitor: nil, alerting: nil,
                                tokens: TokenBook(store: store, logger: quietLogger), openReads: openReads, logger: quietLogger)
        server.pushGuarded(token: pushToken).post("v1/push-probe") { _, _ in "taken" }
        try await Self.run(server) { client in
            let push = { @Sendable (authorization: String?) async throws -> HTTPResponse.Status in
                try await client.execute(uri: "/v1/push-probe", method: .post, headers: authorization.map { [.authorization: $0] } ?? [:]).status
            }
            let none = try await push(nil), write = try await push("Bearer \(writer)"), read = try await push("Bearer \(reader)")
            #expect(none == (openPushes ? .ok : .unauthorized))
            #expect(write == .ok, "an API write token always pushes")
            #expect(read == (openPushes ? .ok : .forbidden), "a read token pushes only where no token is needed")
            if let pushToken {
                let right = try await push("Bearer \(pushToken)"), longer = try await push("Bearer \(pushToken)x")
                #expect(right == .ok && longer == .unauthorized)
            }
        }
    }

    private static func run(_ server: NodeServer, _ test: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await server.application(services: []) {}.test(.router, test)
    }
}

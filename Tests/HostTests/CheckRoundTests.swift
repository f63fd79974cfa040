import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonPlugins
@testable import BearmonRoles
@testable import BearmonStore
@testable import BearmonWire

/// Round state: which workers see a check differently from its status, out of how many a flip
/// needs, as the controller tells pages (in process, and as the wire carries it).
@Suite("check rounds")
struct CheckRoundTests {
    @Test("the controller tells which workers disagree, out of how many; nothing without a view; the wire's question is bounded")
    func rounds() async throws {
        let fixture = try await FixtureHost()
        let dir = try TempDirectory()
        let store = SQLStore(database: try SQLiteDatabase(path: dir.file("r.sqlite")))
        try store.migrate()
        _ = try store.raiseView(to: 1, holder: "test")
        let check = try store.addCheck(NewCheck(name: "web", type: "fixture", data: #"{"mode":"online"}"#, interval: 1, delay: 1))
        let controller = Controller(settings: ControllerSettings(node: "test", confirmations: 3), store: store, host: fixture.host, logger: quietLogger)
        await #expect(throws: ControllerUnavailable.self) { try await controller.rounds([check]) }
        let reader = RoundReader(local: controller, remote: controller)
        #expect(await reader.rounds([check]) == nil, "no view, no other controller: unknown")

        try await controller.takeView(1)
        // Two of the three workers needed see it offline.
        for worker in ["w1", "w2"] {
            let assignment = try #require(await controller.exchange(worker: worker, results: [], capacity: 1, wait: .seconds(2)).first)
            _ = await controller.exchange(worker: worker, results: [WorkerResult(checkID: check, token: assignment.token, status: .offline,
                                                                                  message: "refused", latencyMilliseconds: 1)], capacity: 0, wait: .zero)
        }
        let round = try #require(try await controller.rounds([check, 999])[check])
        #expect(round == CheckRound(checkID: check, status: .online, disagreeing: ["w1", "w2"], confirmations: 3, roundsDone: 0, roundsNeeded: 2,
                                    lastWorker: "w2", lastStatus: .offline, lastMessage: "refused"))
        #expect(try await controller.rounds([999]).isEmpty, "a check it does not run is absent")
        #expect(await reader.rounds([check])?[check] == round)

        // The wire refuses a question about more than 500 checks, and carries the answer whole.
        // Through the wire's own (snake-case) coders, as nodes send them.
        let tooMany = Data(#"{"check_ids":[\#((0...500).map(String.init).joined(separator: ","))]}"#.utf8)
        #expect(throws: DecodingError.self) { try WireJSON.decoder.decode(RoundsRequest.self, from: tooMany) }
        let question = RoundsRequest(checkIDs: [check, 7])
        #expect(try WireJSON.decoder.decode(RoundsRequest.self, from: WireJSON.encoder.encode(question)) == question)
        let reply = RoundsReply(view: 1, rounds: [round])
        #expect(try WireJSON.decoder.decode(RoundsReply.self, from: WireJSON.encoder.encode(reply)) == reply)
    }
}

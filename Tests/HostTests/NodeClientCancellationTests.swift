import CCurl
import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonWire
@testable import CurlKit

/// A node call blocks a thread in curl; a cancelled task must end it (a stopping node's long
/// poll), where before it ran to its timeout.
@Suite("node calls: cancellation")
struct NodeClientCancellationTests {
    @Test("a call to a peer that never answers, with a 10-minute timeout, ends soon after its task is cancelled, as an aborted call")
    func cancelledCallEnds() async throws {
        let silent = try LoopbackServer(behaviour: .hang, lifetime: 300)
        let client = NodeClient(node: "w1", password: "cancel-test-secret", tls: nil)
        let call = Task { () -> String in
            do {
                let _: ExchangeReply = try await client.get("127.0.0.1:\(silent.port)", "/v1/exchange", timeout: .seconds(600))
                return "answered"
            } catch {
                return "\(error)"
            }
        }
        try await Task.sleep(for: .milliseconds(300))
        call.cancel()
        // Bounded: without the cancellation the call would run for its 10 minutes.
        let outcome = try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask { await call.value }
            group.addTask { try await Task.sleep(for: .seconds(90)); return nil }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        let message = try #require(outcome, "the cancelled call was still running 90 s later")
        #expect(message.contains("aborted") || message.contains("callback"), "\(message)")
    }

    @Test("a flag set before the transfer starts aborts it at once; an unset one changes nothing")
    func flagBeforeStart() throws {
        let server = try LoopbackServer(behaviour: .hang, lifetime: 60)
        var request = CurlRequest(url: "http://127.0.0.1:\(server.port)/", deadline: .after(milliseconds: 600_000))
        let cancellation = CurlCancellation()
        request.cancellation = cancellation
        cancellation.cancel()
        #expect(cancellation.isCancelled)
        do throws(CurlError) {
            _ = try CurlTransfer(request).perform()
            Issue.record("a silent server answered")
        } catch {
            #expect(error.is(CURLE_ABORTED_BY_CALLBACK), "\(error)")
        }
        #expect(!CurlCancellation().isCancelled)
    }
}

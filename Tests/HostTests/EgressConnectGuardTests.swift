import BearmonSystem
import CurlKit
import Synchronization
import Testing

/// CurlKit asks the egress policy twice: about the resolved addresses before curl runs, and
/// about the address of every socket curl opens. A policy that approves the first time and
/// refuses the second shows the second question is asked about the address actually dialed,
/// and that its refusal stops the transfer before anything is sent.
@Suite("egress policy: the connect-time guard inside CurlKit")
struct EgressConnectGuardTests {
    /// Approves its first question and refuses every later one.
    final class ApprovesOnce: EgressPolicy {
        let questions = Mutex(0)

        func approve(_ address: SocketAddress, host: String) throws(EgressRefusal) {
            let asked = questions.withLock { count in
                count += 1
                return count
            }
            if asked > 1 { throw EgressRefusal("\(IPAddress(address)) refused at connect time") }
        }
    }

    @Test("the address curl is about to connect to is judged again, and a refusal there sends nothing")
    func guardRefuses() async throws {
        let server = try await FixtureHTTPServer.recorder()
        let policy = ApprovesOnce()
        var request = CurlRequest(url: server.url("/record/guarded"), deadline: .after(milliseconds: 10_000))
        request.egressPolicy = policy
        let guarded = request
        let outcome: Result<CurlResponse, CurlError> = try await offPool {
            try CurlGlobal.initialize()
            return Result { () throws(CurlError) in try CurlTransfer(guarded).perform() }
        }
        guard case .failure(let error) = outcome else {
            Issue.record("the transfer went through: \(outcome)")
            return
        }
        #expect(error.egressRefusal?.reason == "127.0.0.1 refused at connect time", "\(error)")
        #expect(policy.questions.withLock { $0 } == 2)
        #expect(server.recorded.isEmpty)
    }
}

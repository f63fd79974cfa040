import BearmonSystem
import Foundation
import Glibc
import Synchronization
import Testing

/// Requests answered before their bodies arrived, and bodies that never finish, against a
/// real standalone node: each connection ends with its answer whole and then a clean end of
/// stream, however the client trickles, and the node serves everyone else meanwhile.
@Suite("unfinished request bodies")
struct UnfinishedBodyTests {
    /// How a connection ended from the client's side.
    enum Ending: Equatable { case endOfStream, reset, stillOpen }

    /// Reads `socket` until it ends or `timeout` passes, while another thread trickles a byte
    /// every 100 ms into it (for at most `timeout`).
    static func ending(of socket: Socket, timeout: Double) -> Ending {
        nonisolated(unsafe) let socket = socket
        let stop = Mutex(false)
        let trickler = Thread {
            for _ in 0..<Int(timeout * 10) where !stop.withLock({ $0 }) {
                try? socket.send([UInt8(ascii: "x")], deadline: .after(milliseconds: 100))
                usleep(100_000)
            }
        }
        trickler.start()
        defer { stop.withLock { $0 = true } }
        let deadline = Deadline.after(milliseconds: Int64(timeout * 1000))
        do {
            while try !socket.receive(maxBytes: 4096, deadline: deadline).isEmpty {}
            return .endOfStream
        } catch {
            return (error as? SystemError)?.errno == ECONNRESET ? .reset : .stillOpen
        }
    }

    @Test("413 and 401 answered before the body arrived come whole with Connection: close, then a clean end of stream though the client trickles; a body late past [server] bodyTimeout loses its connection; the node carries on")
    func refusedBeforeTheBody() async throws {
        let dir = try TempDirectory("bearmon-body")
        let config = try dir.write("node.cfg", "[server]\nbodyTimeout = 2s\n[push]\ntoken = push-secret\nmaxBody = 4096\n")
        let node = try await offPool {
            try NodeProcess(["standalone", "--db", "sqlite:\(dir.file("node.sqlite"))", "--config", config, "--node", "n1"], log: dir.file("node.log"))
        }
        let head = "POST /v1/healthchecks HTTP/1.1\r\nHost: \(node.address)\r\nContent-Type: application/json\r\n"
        let outcome = try await offPool { () -> [(status: Int, text: String, ending: Ending)] in
            // Over maxBody: 5,000 bytes of a declared 1,000,000 are enough to refuse it.
            let large = try RawHTTP.open(port: node.port, head + "Authorization: Bearer push-secret\r\nContent-Length: 1000000\r\n\r\n" + String(repeating: " ", count: 5_000))
            // Without the token: refused on its head, nothing of the body read.
            let anonymous = try RawHTTP.open(port: node.port, head + "Content-Length: 1000\r\n\r\n{")
            return try [large, anonymous].map { socket in
                let answer = try RawHTTP.answer(on: socket, timeout: 10)
                return (answer.status, answer.text, Self.ending(of: socket, timeout: 10))
            }
        }
        #expect(outcome.map(\.status) == [413, 401], "\(outcome.map(\.text))")
        #expect(outcome.allSatisfy { $0.text.lowercased().contains("connection: close") }, "\(outcome.map(\.text))")
        #expect(outcome[0].text.contains("request body larger than 4096 bytes ([push] maxBody)"), "\(outcome[0].text)")
        #expect(outcome.map(\.ending) == [.endOfStream, .endOfStream])

        // With the token and within maxBody, but trickled: cut at bodyTimeout, unanswered.
        let slow = try await offPool { () -> (ending: Ending, seconds: Double) in
            let socket = try RawHTTP.open(port: node.port, head + "Authorization: Bearer push-secret\r\nContent-Length: 4000\r\n\r\n{")
            let started = Date()
            let ending = Self.ending(of: socket, timeout: 20)
            return (ending, Date().timeIntervalSince(started))
        }
        print("unfinished bodies: a trickled body lost its connection after \(String(format: "%.1f", slow.seconds)) s (bodyTimeout 2 s)")
        #expect(slow.ending != .stillOpen, "a trickled body kept its connection 20 s")

        // The node serves the next push and its health as before.
        let after = try await offPool {
            (try node.post("/v1/healthchecks", MonitorMessages.healthCheck("app.ok", node: "a1"), headers: ["Authorization": "Bearer push-secret"]).code,
             try node.get("/healthz").0)
        }
        #expect(after == (200, 200))
        try await node.kill()
    }
}

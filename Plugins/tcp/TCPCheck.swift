import BearmonSystem
import Foundation
import PluginABI
import PluginKit

/// gobearmon's TCP check: connect; when `expect` is set, send `payload` plus "\n" and require
/// `expect` in the first newline-terminated line of the reply. Without `expect` the payload is
/// not sent, as in gobearmon.
struct TCPCheck: CheckType {
    /// Replies longer than this without a newline are judged on what arrived (gobearmon read
    /// without a bound); a peer that closes before the newline is offline.
    static let maxLineBytes = 64 * 1024

    let name = "tcp"
    let summary = "Opens a TCP connection; optionally sends a payload and matches the reply's first line"
    let maxRunMilliseconds: UInt32 = 30_000
    let params = [
        ParamSpec("address", .string, "host:port to connect to; an IPv6 literal goes in brackets: [::1]:22", required: true),
        ParamSpec("timeout", .int, default: "10", "seconds for the whole check; 0 means 10, as in gobearmon; others are clamped to 3..30"),
        ParamSpec("payload", .string, "text to send after connecting when `expect` is set; a \"\\n\" is appended"),
        ParamSpec("expect", .string, "substring required in the first newline-terminated line of the reply"),
        ParamSpec("force_ip", .int, default: "0", "address family: 4 or 6 (0 means either)", choices: ["0", "4", "6"]),
    ]

    func validate(_ call: Call) {
        if let address = call.string("address") {
            do { _ = try HostPort(parsing: address) } catch { call.reject("address", error.reason) }
        }
    }

    func run(_ call: Call) -> CheckOutcome {
        guard let addressText = call.string("address") else { return .fail("tcp: parameter 'address' is required") }
        let target: HostPort
        do { target = try HostPort(parsing: addressText) } catch { return .fail("tcp: parameter 'address': \(error.reason)") }
        let timeoutSeconds = call.timeoutSeconds(fallback: 10, clampedTo: 3...30)
        let deadline = Deadline.earliest(call.deadline, .after(milliseconds: timeoutSeconds * 1000))
        let family = AddressFamilyPreference(rawValue: Int(call.int("force_ip") ?? 0)) ?? .any
        let started = Deadline.now()

        let socket: Socket
        do {
            socket = try Socket.connected(to: target, family: family, deadline: deadline, policy: call.egress)
        } catch let refusal as EgressRefusal {
            return .fail("tcp: may not connect to \(target): \(refusal)")
        } catch {
            return .offline("\(error)")
        }
        call.metric("connect_ms", Deadline.now().milliseconds(since: started), unit: "ms")
        return converse(over: socket, call: call, target: target, deadline: deadline, started: started)
    }

    private func converse(over socket: Socket, call: Call, target: HostPort, deadline: Deadline, started: Deadline) -> CheckOutcome {
        let payload = call.string("payload") ?? ""
        let expect = call.string("expect") ?? ""
        guard !expect.isEmpty else { return .online("connected to \(target)") }
        do {
            if !payload.isEmpty {
                try socket.send(Array((payload + "\n").utf8), deadline: deadline)
            }
            let (bytes, sawNewline) = try socket.readLine(maxBytes: Self.maxLineBytes, deadline: deadline)
            let line = String(decoding: bytes, as: UTF8.self)
            if bytes.isEmpty { return .offline("\(target) closed the connection without replying") }
            if !sawNewline, bytes.count < Self.maxLineBytes {
                return .offline("\(target) closed the connection before ending its reply line: \(quoted(excerpt(line)))")
            }
            if line.contains(expect) { return .online("reply from \(target) contains \(quoted(expect))") }
            return .offline("reply mismatch: expected \(quoted(expect)) in \(quoted(excerpt(line)))")
        } catch let error as SystemError where error.errno == ETIMEDOUT {
            let waited = Deadline.now().milliseconds(since: started) / 1000
            return .offline("timed out after \(String(format: "%.1f", waited))s waiting for a reply line from \(target)")
        } catch {
            return .offline("\(target): \(error)")
        }
    }

    private func quoted(_ text: String) -> String { "\"\(text)\"" }

    private func excerpt(_ line: String) -> String {
        line.count > 120 ? String(line.prefix(120)) + "..." : line
    }
}

import BearmonSystem
import Foundation
import PluginKit

/// gobearmon's DNS check: ask a nameserver for `name` and `type`; online when the answer
/// section has a record, and, when `expect` is set, a record that contains it.
struct DNSCheck: CheckType {
    /// The bounds `timeout` is clamped to, in seconds.
    static let timeoutRange: ClosedRange<Int64> = 1...30
    /// `timeout` when the data does not set it, in seconds.
    static let defaultTimeoutSeconds: Int64 = 5

    let name = "dns"
    let summary = "Queries a nameserver and matches an answer record"
    /// The longest timeout plus a margin to report it before the host's deadline.
    let maxRunMilliseconds: UInt32 = 32_000
    let params = [
        ParamSpec("name", .string, "the domain name to query, for example \"www.example.com\"", required: true),
        ParamSpec("type", .string, default: "\"A\"", "the record type, in any case", choices: DNSRecordType.allCases.map(\.rawValue)),
        ParamSpec("server", .string, "nameserver as addr[:port] (port 53, IPv6 in brackets); default [dns] server, then /etc/resolv.conf"),
        ParamSpec("expect", .string, "substring required in some answer record in presentation format (\"a.test. 300 IN A 1.2.3.4\")"),
        ParamSpec("timeout", .int, default: "\(defaultTimeoutSeconds)", "seconds to wait for the answer, clamped to 1..30"),
    ]

    func validate(_ call: Call) {
        if let name = call.string("name") {
            do { _ = try DNSName(parsing: name) } catch { call.reject("name", "\(error)") }
        }
        if let server = call.string("server"), !server.trimmingWhitespace().isEmpty {
            do { _ = try Nameserver.parse(server) } catch { call.reject("server", error.reason) }
        }
    }

    func run(_ call: Call) -> CheckOutcome {
        let question: DNSQuestion
        let server: Nameserver
        do {
            question = try DNSQuestion(name: call.string("name"), type: call.string("type"))
            server = try Nameserver.choose(server: call.string("server"), configured: call.config("server"))
        } catch {
            return .fail("dns: \(error)")
        }
        let timeoutSeconds = min(max(call.int("timeout") ?? Self.defaultTimeoutSeconds, Self.timeoutRange.lowerBound), Self.timeoutRange.upperBound)
        let started = Deadline.now()
        let deadline = Deadline.earliest(call.deadline, started.adding(milliseconds: timeoutSeconds * 1000))
        let answer: DNSAnswer
        do {
            let addresses = try AddressResolver.resolve(server.address.host, port: server.address.port, socketType: Int32(SOCK_DGRAM.rawValue),
                                                        deadline: deadline)
            let address = try call.egress.permitted(addresses, host: server.address.host)[0]
            answer = try question.ask(DNSExchange(server: address, deadline: deadline))
        } catch let refusal as EgressRefusal {
            return .fail("dns: may not query \(server) (\(server.origin.rawValue)): \(refusal)")
        } catch let error as SystemError where error.errno == ETIMEDOUT {
            let waited = deadline.milliseconds(since: started) / 1000
            return .offline("no answer from \(server) within \(String(format: "%.1f", waited))s")
        } catch {
            return .offline("query to \(server): \(error)")
        }
        call.metric("query_ms", Deadline.now().milliseconds(since: started), unit: "ms")
        return answer.verdict(expect: call.string("expect") ?? "", server: server)
    }
}

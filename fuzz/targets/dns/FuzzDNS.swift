import CLDNS
@testable import DNSPlugin

/// The question and server a fuzzed reply answers, as a check would have asked.
let questions = [
    try! DNSQuestion(name: "a.test", type: "A"),
    try! DNSQuestion(name: "spf.test", type: "SPF"),
]
let server = Nameserver(address: try! Nameserver.parse("127.0.0.1"), origin: .check)

/// libFuzzer's entry for DNS reply parsing: the input is a reply as it arrives from the
/// nameserver; when ldns decodes it, the check judges it as it would a real answer, with and
/// without `expect`, and looks for SPF in its TXT records.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDNS(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let wire = Array(UnsafeRawBufferPointer(start: start, count: count))
    guard let reply = try? DNSReply(wire: wire) else { return 0 }
    _ = reply.rcodeName
    for question in questions {
        let answer = DNSAnswer(question: question, reply: reply, records: reply.answers, overTCP: false)
        _ = answer.verdict(expect: "", server: server)
        _ = answer.verdict(expect: "1.2.3.4", server: server)
    }
    _ = reply.answers.filter { $0.type == LDNS_RR_TYPE_TXT && DNSQuestion.isSPF($0.data) }
    return 0
}

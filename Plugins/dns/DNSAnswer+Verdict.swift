import PluginKit

extension DNSAnswer {
    /// Online when some record counts and, with `expect`, contains it; the messages follow
    /// gobearmon's (the first answer and the expected string).
    func verdict(expect: String, server: Nameserver) -> CheckOutcome {
        let asked = "\(question.name) \(question.type.rawValue)"
        let how = (overTCP ? " over TCP after a truncated UDP answer" : "") + (spfFromTXT ? " (SPF found as TXT)" : "")
        if isNXDomain { return .offline("NXDOMAIN for \(question.name)\(how)") }
        if !isNoError { return .offline("\(reply.rcodeName) for \(asked) from \(server)\(how)") }
        guard let first = records.first else {
            let what = spfFromTXT ? "no SPF record, and no \"v=spf1\" TXT record," : "no answer record"
            return .offline("\(what) for \(asked) from \(server)\(how)")
        }
        if expect.isEmpty {
            return .online("\(records.count) answer record(s) for \(asked) from \(server)\(how); first: \"\(first.text)\"")
        }
        if let match = records.first(where: { $0.text.contains(expect) || $0.tabbedText.contains(expect) }) {
            return .online("\"\(expect)\" found in \"\(match.text)\" from \(server)\(how)")
        }
        return .offline("expected \"\(expect)\" but got \"\(first.text)\"\(how)")
    }
}

import CLDNS

extension DNSQuestion {
    /// Asks the question through `exchange`. SPF asks for the SPF type first; since RFC 7208
    /// retired that type, a reply without SPF records is followed by a TXT query, and its
    /// "v=spf1" records stand in for them.
    func ask(_ exchange: DNSExchange) throws -> DNSAnswer {
        let first = try exchange.ask(DNSQuery(name: name, type: type.ldnsType))
        let answer = DNSAnswer(question: self, reply: first.reply, records: first.reply.answers, overTCP: first.overTCP)
        guard type == .spf, answer.isNoError,
              !answer.records.contains(where: { $0.type == LDNS_RR_TYPE_SPF }) else { return answer }
        let fallback = try exchange.ask(DNSQuery(name: name, type: LDNS_RR_TYPE_TXT))
        let spfRecords = fallback.reply.answers.filter { $0.type == LDNS_RR_TYPE_TXT && Self.isSPF($0.data) }
        return DNSAnswer(
            question: self, reply: fallback.reply, records: spfRecords,
            overTCP: first.overTCP || fallback.overTCP, spfFromTXT: true
        )
    }

    /// Whether TXT data is an SPF record: its first string is "v=spf1", alone or followed by
    /// a space, in any case (RFC 7208 4.5).
    static func isSPF(_ data: String) -> Bool {
        let text = data.lowercased()
        return text.hasPrefix("\"v=spf1 ") || text.hasPrefix("\"v=spf1\"")
    }
}

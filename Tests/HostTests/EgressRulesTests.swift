import Testing
@testable import BearmonConfig
@testable import BearmonSystem

/// The policy's own parts: CIDR ranges parsed strictly, the most specific rule deciding, and
/// `[security]` read from a config file with errors that name the bad entry.
@Suite("egress rules: CIDR parsing and decisions")
struct EgressRulesTests {
    private func ip(_ text: String) throws -> IPAddress { try #require(IPAddress(parsing: text)) }

    @Test("well-formed ranges parse, a bare address is one address, a mapped range becomes IPv4", arguments: [
        ("169.254.0.0/16", "169.254.0.0/16"), ("10.0.0.0/8", "10.0.0.0/8"), ("0.0.0.0/0", "0.0.0.0/0"),
        ("127.0.0.3", "127.0.0.3/32"), ("fe80::/10", "fe80::/10"), ("FD00:EC2::254/128", "fd00:ec2::254/128"),
        ("::/0", "::/0"), ("::1", "::1/128"), ("::ffff:10.0.0.0/104", "10.0.0.0/8"), ("::ffff:169.254.169.254", "169.254.169.254/32"),
    ])
    func parses(text: String, expected: String) throws {
        #expect(try CIDRRange(parsing: text).description == expected)
    }

    @Test("hostile and sloppy ranges are refused with a reason", arguments: [
        ("10.0.0.0/33", "from 0 to 32"), ("10.0.0.0/-1", "from 0 to 32"), ("10.0.0.0/+8", "from 0 to 32"), ("10.0.0.0/08", "leading zeros"),
        ("10.0.0.0/", "from 0 to 32"), ("fe80::/129", "from 0 to 128"), ("10.0.0.0/8/8", "from 0 to 32"),
        ("010.0.0.0/8", "not an IPv4 or IPv6 address"), ("10.0.0/8", "not an IPv4 or IPv6 address"), ("127.1", "not an IPv4 or IPv6 address"),
        ("0x7f.0.0.1", "not an IPv4 or IPv6 address"), ("2130706433", "not an IPv4 or IPv6 address"), ("", "not an IPv4 or IPv6 address"),
        ("[::1]/128", "not an IPv4 or IPv6 address"), ("fe80::1%eth0/128", "not an IPv4 or IPv6 address"), ("1:2:3:4:5:6:7:8:9/128", "not an IPv4 or IPv6 address"),
        ("example.com/24", "not an IPv4 or IPv6 address"), ("10.0.0.1/8", "did you mean 10.0.0.0/8?"), ("fe80::1/10", "did you mean fe80::/10?"),
        ("::ffff:10.0.0.0/8", "prefix of 96 or more"), ("10.0.0.0/99999999999999999999", "from 0 to 32"), ("10.0.0.0\u{0}/8", "not an IPv4"),
    ])
    func refuses(text: String, reason: String) {
        let error = #expect(throws: CIDRRangeError.self) { try CIDRRange(parsing: text) }
        #expect(error?.description.contains(reason) == true, "\(text): \(error?.description ?? "")")
    }

    @Test("a huge string is refused without being echoed whole")
    func huge() {
        let text = String(repeating: "1", count: 1 << 20) + "/8"
        let error = #expect(throws: CIDRRangeError.self) { try CIDRRange(parsing: text) }
        #expect((error?.description.utf8.count ?? .max) < 200)
    }

    @Test("the built-in rules deny cloud metadata and link-local, and nothing else")
    func builtIn() throws {
        let rules = EgressRules.builtIn
        #expect(rules.refusal(for: try ip("169.254.169.254"))?.reason == "169.254.169.254 is denied by [security] deny 169.254.0.0/16")
        #expect(rules.refusal(for: try ip("fe80::1"))?.reason == "fe80::1 is denied by [security] deny fe80::/10")
        #expect(rules.refusal(for: try ip("fd00:ec2::254"))?.reason == "fd00:ec2::254 is denied by [security] deny fd00:ec2::254/128")
        for allowed in ["127.0.0.1", "10.1.2.3", "::1", "fd00:ec2::253", "169.255.0.1", "2001:db8::1"] {
            #expect(rules.refusal(for: try ip(allowed)) == nil, "\(allowed)")
        }
    }

    @Test("an IPv4-mapped IPv6 address is judged as the IPv4 address it carries")
    func mapped() throws {
        let rules = try EgressRules(deny: ["127.0.0.3/32"])
        #expect(rules.refusal(for: try ip("::ffff:127.0.0.3"))?.reason == "127.0.0.3 is denied by [security] deny 127.0.0.3/32")
        #expect(rules.refusal(for: try ip("::ffff:169.254.169.254")) != nil)
        #expect(rules.refusal(for: try ip("::ffff:127.0.0.4")) == nil)
    }

    @Test("the most specific rule wins: a narrower allow lets through, a narrower deny inside it refuses again")
    func mostSpecific() throws {
        let rules = try EgressRules(deny: ["10.0.0.0/8", "10.1.2.3/32"], allow: ["10.1.0.0/16"])
        #expect(rules.refusal(for: try ip("10.9.9.9"))?.reason == "10.9.9.9 is denied by [security] deny 10.0.0.0/8")
        #expect(rules.refusal(for: try ip("10.1.9.9")) == nil)
        #expect(rules.refusal(for: try ip("10.1.2.3"))?.reason == "10.1.2.3 is denied by [security] deny 10.1.2.3/32")
        // A broader allow does not beat a narrower deny.
        let broad = try EgressRules(allow: ["0.0.0.0/0"])
        #expect(broad.refusal(for: try ip("169.254.169.254")) != nil)
    }

    @Test("a tie goes to allow, so repeating a built-in range under allow lifts it")
    func tie() throws {
        let rules = try EgressRules(allow: ["169.254.0.0/16"])
        #expect(rules.refusal(for: try ip("169.254.169.254")) == nil)
        #expect(rules.refusal(for: try ip("fe80::1")) != nil)
    }

    @Test("[security] deny and allow are read from repeated keys and lists; a bad entry is a config error naming it and its line")
    func fromConfig() throws {
        let config = try GcfgParser(file: "s.cfg").parse("[security]\ndeny = 10.0.0.0/8, 192.168.0.0/16\ndeny = fd00::/8\nallow = 10.1.0.0/16\n")
        let rules = try config.egressRules()
        #expect(rules.deny.map(\.description) == EgressRules.builtInDeny + ["10.0.0.0/8", "192.168.0.0/16", "fd00::/8"])
        #expect(rules.allow.map(\.description) == ["10.1.0.0/16"])
        #expect(try Config().egressRules() == EgressRules.builtIn)
        let bad = try GcfgParser(file: "s.cfg").parse("[security]\nallow = 10.0.0.0/8\ndeny = 10.0.0.0/8 10.0.0.300/32\n")
        let error = #expect(throws: ConfigError.self) { try bad.egressRules() }
        #expect(error?.description.hasPrefix("s.cfg:3: [security] deny: '10.0.0.300/32' is not a CIDR range") == true, "\(error?.description ?? "")")
        let unknown = try GcfgParser(file: "s.cfg").parse("[security]\ndenied = 10.0.0.0/8\n")
        #expect(throws: ConfigError.self) { try unknown.validateHostSections() }
    }
}

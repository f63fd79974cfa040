package import BearmonSystem

extension Config {
    /// `[security] deny` and `allow`: CIDR ranges, one or more per value (separated by commas
    /// or spaces), the key repeated as often as needed. `deny` adds to the built-in denials
    /// (``EgressRules/builtInDeny``); `allow` carves exceptions out of them. An entry that is
    /// not a range is refused at its line, naming the entry.
    package func egressRules() throws(ConfigError) -> EgressRules {
        let deny = try egressEntries("deny")
        let allow = try egressEntries("allow")
        do {
            return try EgressRules(deny: deny, allow: allow)
        } catch {
            // Every entry parsed above, and the built-in ranges are tested literals.
            throw ConfigError(file: file, line: 0, reason: "[security]: \(error)", cause: error)
        }
    }

    /// The entries of `key` in `[security]`, each checked to be a range.
    private func egressEntries(_ key: String) throws(ConfigError) -> [String] {
        let entries = list("security", key).flatMap { value in
            value.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
        }
        for entry in entries {
            do {
                _ = try CIDRRange(parsing: entry)
            } catch {
                throw self.error("security", key, "\(error) (write ranges such as 10.0.0.0/8 or fd00::/8)", cause: error)
            }
        }
        return entries
    }
}

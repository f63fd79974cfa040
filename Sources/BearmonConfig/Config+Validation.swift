extension Config {
    /// The keys bearmon itself reads, per section it owns. gobearmon's sections keep their
    /// names; new settings live in new sections. Sections not listed here belong to plugins
    /// (`[smtp]`, `[dns]`, `[twilio]`, ...) and are checked by them.
    package static let hostSections: [String: Set<String>] = [
        "default": ["debug", "password", "node", "cert", "key", "ca", "insecure", "alias", "logformat"],
        "controller": ["addr", "database", "confirmations"],
        "worker": ["viewaddr", "numthreads"],
        "viewserver": ["addr", "controller", "lease", "pinginterval"],
        "plugins": ["dir", "isolate"],
        "store": ["sqlite", "retention", "passwordfile", "historyretention"],
        "push": ["interval", "ttl", "token", "maxbody", "reap", "maxentries", "maxttl"],
        "alerting": ["maxflipwait", "maxnotifywait", "flapping"],
        "security": ["deny", "allow"],
        "server": ["maxconnections", "headertimeout", "idletimeout", "bodytimeout"],
        "api": ["openreads"],
        "notify": ["maxperhour", "fallbackafter", "publicurl"],
        "status": ["timezone", "title", "footer", "showmessages"],
        "metrics": ["open"],
    ]

    /// Keys bearmon itself reads in sections that belong to plugins (whose other keys the
    /// plugin checks): `[twilio] maxPerHour`, the sms and voice budget.
    package static let hostKeysInPluginSections: [String: Set<String>] = [
        "twilio": ["maxperhour"],
    ]

    /// Refuses keys that bearmon's own sections do not have, so that a typo such as
    /// `numThread` fails at start instead of silently keeping a default.
    package func validateHostSections() throws(ConfigError) {
        for (name, section) in sections.sorted(by: { $0.key < $1.key }) {
            guard let known = Config.hostSections[name] else { continue }
            for key in section.values.keys.sorted() where !known.contains(key) {
                throw ConfigError(
                    file: file, line: section.lines[key] ?? 0,
                    reason: "unknown key '\(key)' in [\(name)] (known: \(known.sorted().joined(separator: ", ")))"
                )
            }
        }
    }
}

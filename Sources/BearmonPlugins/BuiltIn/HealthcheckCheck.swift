package import BearmonCore
package import BearmonStore

/// The built-in `healthcheck` check type: online while at least `min_ok` nodes have pushed an
/// OK healthcheck `id` (optionally of service `service`) no older than `max_age` seconds,
/// offline otherwise. When the pushes stop, it trips: a dead man's switch. The controller
/// evaluates it from the stored pushes every `check_interval`; workers never run it.
package struct HealthcheckCheck: PassiveCheck {
    /// The type's name, as stored in `checks.type`.
    package static let name = "healthcheck"

    /// The registry entry.
    package static func type() -> PluginType {
        PluginType(
            key: TypeKey(.check, name),
            summary: "Online while enough nodes push an OK healthcheck to monitor-srv's API; offline when they stop (a dead man's switch)",
            params: [
                ParamSpec(name: "id", kind: .string, description: "the pushed healthcheck's id, for example go.micro.healthcheck.ping or bearmon.node.alive", required: true),
                ParamSpec(name: "service", kind: .string, description: "count only pushes from this service name"),
                ParamSpec(name: "max_age", kind: .int, description: "seconds: an OK push older than this no longer counts", required: true),
                ParamSpec(name: "min_ok", kind: .int, defaultValue: .int(1), description: "how many nodes must have pushed it OK"),
            ],
            maxRunMilliseconds: 10_000, module: .builtIn, implementation: .passive(HealthcheckCheck())
        )
    }

    /// The longest `max_age`: a year, far past any sensible switch, and far from overflowing
    /// when counted in milliseconds.
    static let maxAgeLimit: Int64 = 366 * 86_400

    /// An empty id, a `max_age` or `min_ok` below 1, or a `max_age` over a year.
    package func problems(in params: ResolvedParams) -> [ParamProblem] {
        var problems: [ParamProblem] = []
        if case .string(let id)? = params.values["id"], id.isEmpty { problems.append(ParamProblem(param: "id", reason: "must not be empty")) }
        for name in ["max_age", "min_ok"] {
            if case .int(let value)? = params.values[name], value < 1 { problems.append(ParamProblem(param: name, reason: "must be at least 1, got \(value)")) }
        }
        if case .int(let value)? = params.values["max_age"], value > Self.maxAgeLimit {
            problems.append(ParamProblem(param: "max_age", reason: "must be at most \(Self.maxAgeLimit) seconds (a year), got \(value)"))
        }
        return problems
    }

    /// Counts the nodes whose push of `id` is OK and recent enough.
    package func evaluate(_ params: ResolvedParams, store: any Store, now: Int64) throws -> CheckOutcome {
        let rule = Rule(params)
        return rule.verdict(try store.pushes(.healthCheck, service: rule.service, id: rule.id, now: now), now: now)
    }

    /// The parameters, typed.
    struct Rule {
        let id: String
        let service: String?
        let maxAgeSeconds: Int64
        let minOK: Int64

        init(_ params: ResolvedParams) {
            func text(_ name: String) -> String? { if case .string(let value)? = params.values[name] { value } else { nil } }
            func number(_ name: String) -> Int64 { if case .int(let value)? = params.values[name] { value } else { 1 } }
            id = text("id") ?? ""
            service = text("service").flatMap { $0.isEmpty ? nil : $0 }
            maxAgeSeconds = number("max_age")
            minOK = number("min_ok")
        }

        /// Online when at least `min_ok` of `rows` are OK and young enough; the message says
        /// how many were, and what the others were doing.
        func verdict(_ rows: [PushRow], now: Int64) -> CheckOutcome {
            // Saturating: a stored row's time can be any number, and the verdict must still come.
            let maxAge = maxAgeSeconds * 1_000
            let aged = rows.map { (row: $0, age: now.saturatingSubtracting($0.receivedAt)) }
            let young = aged.filter { $0.age <= maxAge }.map(\.row)
            let ok = young.filter { $0.status == MonitorHealthCheck.ok }
            let what = "\(ok.count) of min_ok \(minOK) node(s) pushed \(id) OK within \(maxAgeSeconds)s"
            if ok.count >= minOK { return CheckOutcome(status: .online, message: what) }
            var others = young.filter { $0.status != MonitorHealthCheck.ok }.map {
                "\($0.nodeID): \(MonitorHealthCheck.statusName($0.status))"
            }
            others += aged.filter { $0.age > maxAge }.map { "\($0.row.nodeID): last push \($0.age / 1_000)s ago" }
            let detail = rows.isEmpty ? "; no node has pushed it" : others.isEmpty ? "" : "; " + others.joined(separator: ", ")
            // A flip's message is at most 1024 characters; bearmon refuses rather than truncates
            // stored text, so the verdict keeps itself short.
            return CheckOutcome(status: .offline, message: String((what + detail).prefix(1_000)))
        }
    }
}

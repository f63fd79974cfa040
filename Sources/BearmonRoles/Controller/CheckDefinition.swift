package import BearmonCore
import BearmonPlugins

/// What the scheduler needs to know about a check that can run.
package struct CheckDefinition: Sendable, Equatable {
    /// `checks.id`.
    package let id: Int64
    /// `checks.name`.
    package let name: String
    /// `checks.type`.
    package let type: String
    /// `checks.data`.
    package let data: String
    /// Seconds between runs.
    package let intervalSeconds: Int64
    /// Extra rounds a new state must hold.
    package let delay: Int64
    /// The stored status, used when the check is first loaded.
    package let status: CheckStatus
    /// The type's maximum run time, in milliseconds.
    package let maxRunMilliseconds: Int64
    /// Whether the controller evaluates it itself instead of handing it to workers (see
    /// ``PassiveCheck``).
    package let passive: Bool
    /// The workers that may run it (`--nodes`); empty for any.
    package let nodes: Set<String>

    /// Creates a definition.
    package init(id: Int64, name: String, type: String, data: String, intervalSeconds: Int64, delay: Int64, status: CheckStatus,
                maxRunMilliseconds: Int64, passive: Bool = false, nodes: Set<String> = []) {
        self.nodes = nodes
        self.id = id
        self.name = name
        self.type = type
        self.data = data
        self.intervalSeconds = intervalSeconds
        self.delay = delay
        self.status = status
        self.maxRunMilliseconds = maxRunMilliseconds
        self.passive = passive
    }

    /// Whether a change from `other` alters how the check runs (so its turn state resets).
    func runsDifferently(from other: CheckDefinition) -> Bool {
        type != other.type || data != other.data || intervalSeconds != other.intervalSeconds || delay != other.delay || nodes != other.nodes
    }
}

/// Why a notification is held instead of sent; stored in `alert_outbox.hold_reason`.
package enum HoldReason: Sendable, Equatable, CustomStringConvertible {
    /// A maintenance window covers the check.
    case maintenance(id: Int64)
    /// A silence covers the check.
    case silence(id: Int64)
    /// The contact has used its `maxPerHour` budget.
    case budget(limit: Int)
    /// Older rows of the same check and contact are held; the release decides for all of them.
    case behindHeld
    /// The check's parent is being run to learn whether it, not the check, is down (issue 22).
    case dependency(parent: Int64, name: String)
    /// The check is flapping (issue 22): its flips are recorded, not sent.
    case flapping
    /// An escalation (issue 23) waiting for its time, at this level.
    case escalation(level: Int)

    /// The prefix every stored dependency hold starts with, so the release can find them.
    package static let dependencyPrefix = "dependency on parent "
    /// The prefix every stored escalation hold starts with, so the release can find them.
    package static let escalationPrefix = "escalation level "

    /// "maintenance 3", "silence 2", "budget 20/h": what the history shows.
    package var description: String {
        switch self {
        case .maintenance(let id): "maintenance \(id)"
        case .silence(let id): "silence \(id)"
        case .budget(let limit): "budget \(limit)/h"
        case .behindHeld: "earlier held notifications"
        case .dependency(let parent, let name): "\(Self.dependencyPrefix)\(DependencyRule.label(parent, name))"
        case .flapping: "flapping"
        case .escalation(let level): "\(Self.escalationPrefix)\(level)"
        }
    }
}

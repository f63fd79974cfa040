import Synchronization

/// The latest verdict of alerting's self-check, shared by the controller that makes it with
/// `/healthz` and the self-monitor that read it. Nil while this node is not the acting
/// controller (then alerting is not its job).
package final class AlertingWatch: Sendable {
    private let current = Mutex<AlertingHealth?>(nil)

    /// A watch with no verdict yet.
    package init() {}

    /// The latest verdict, if this node is the acting controller.
    package var health: AlertingHealth? { current.withLock { $0 } }

    /// Records a verdict, or nil when this node stops acting; returns the previous one.
    @discardableResult
    package func update(_ health: AlertingHealth?) -> AlertingHealth? {
        current.withLock { previous in
            defer { previous = health }
            return previous
        }
    }
}

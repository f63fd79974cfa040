/// What a check's parents say about its `offline` (issue 22). Pure, like ``NotificationPolicy``:
/// the store gathers each parent's last confirmed state inside its transaction and asks.
///
/// The rules:
/// - A parent confirmed offline means the child is unreachable, not down: its offline is
///   `suppressed` and it shows as unreachable until the parent recovers.
/// - While every parent is online, the child's offline is held until each parent has been
///   confirmed online after the hold began (the controller runs them at once), or until the
///   hold's deadline: `2 × the longest parent interval + 30 s`, never more than 5 minutes.
/// - A check with no enabled parents is not concerned.
package enum DependencyRule {
    /// One parent as the store knows it.
    package struct Parent: Sendable, Equatable {
        /// `checks.id`.
        package var id: Int64
        /// Its name, for texts.
        package var name: String
        /// Seconds between its runs.
        package var intervalSeconds: Int64
        /// Its last confirmed state (its round done), or its stored status when none was recorded.
        package var status: CheckStatus
        /// When that state was confirmed, unix ms (0 when unknown).
        package var confirmedAt: Int64

        /// A value from its parts.
        package init(id: Int64, name: String, intervalSeconds: Int64, status: CheckStatus, confirmedAt: Int64) {
            self.id = id
            self.name = name
            self.intervalSeconds = intervalSeconds
            self.status = status
            self.confirmedAt = confirmedAt
        }
    }

    /// The longest a child's offline waits for its parents, in milliseconds.
    package static let maxHold: Int64 = 300_000

    /// What to do with a child's notification.
    package enum Verdict: Sendable, Equatable {
        /// No parent is concerned: the ordinary rules decide.
        case send
        /// Hold it for `parent` (the first still to be confirmed) until `deadline` (unix ms).
        case hold(parent: Parent, deadline: Int64)
        /// `parent` is offline: the child is unreachable.
        case suppress(parent: Parent)
    }

    /// The verdict on a child's `offline` flipped at `time`.
    package static func atFlip(parents: [Parent], time: Int64) -> Verdict {
        guard !parents.isEmpty else { return .send }
        if let down = parents.first(where: { $0.status != .online }) { return .suppress(parent: down) }
        // A parent's row may hold any number (its own load poisons it); keep the product in range.
        let longest = min(CheckRow.maxIntervalSeconds, max(0, parents.map(\.intervalSeconds).max() ?? 0))
        let deadline = time + min(maxHold, longest * 2_000 + 30_000)
        return .hold(parent: parents.sorted { $0.id < $1.id }[0], deadline: deadline)
    }

    /// The verdict at `now` on an offline held since `heldSince` until `deadline`.
    package static func atRelease(parents: [Parent], heldSince: Int64, deadline: Int64, now: Int64) -> Verdict {
        if let down = parents.first(where: { $0.status != .online }) { return .suppress(parent: down) }
        let waiting = parents.filter { $0.confirmedAt < heldSince }.sorted { $0.id < $1.id }
        guard let first = waiting.first, now < deadline else { return .send }
        return .hold(parent: first, deadline: deadline)
    }

    /// Whether a check marked unreachable is reachable again: no parent is offline.
    package static func reachable(parents: [Parent]) -> Bool {
        parents.allSatisfy { $0.status == .online }
    }

    /// "3 (router)", or "3" for a parent without a name.
    package static func label(_ id: Int64, _ name: String) -> String {
        name.isEmpty ? "\(id)" : "\(id) (\(name))"
    }
}

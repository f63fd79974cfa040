package import BearmonCore

/// Every check's overlay (maintenance window, silence) at one instant, and how many of its
/// notifications are held, as status and the API show them beside `checks.status`.
package struct CheckOverlays: Sendable {
    /// By check id; checks that nothing holds are absent.
    package let overlays: [Int64: CheckOverlay]
    /// Held notifications by check id; checks with none are absent.
    package let held: [Int64: Int]

    /// No overlay and nothing held.
    package static let none = CheckOverlays(overlays: [:], held: [:])

    /// A value from its parts.
    package init(overlays: [Int64: CheckOverlay], held: [Int64: Int]) {
        self.overlays = overlays
        self.held = held
    }
}

extension Store {
    /// The overlays of the checks `checkIDs` at `now` (unix ms), from the hold calendar and
    /// the checks' tags, and the held notifications of every check.
    package func checkOverlays(_ checkIDs: [Int64], now: Int64) throws -> CheckOverlays {
        let calendar = try holdCalendar(now: now)
        var overlays: [Int64: CheckOverlay] = [:]
        if !calendar.isEmpty {
            let tags = try checkTags()
            for id in checkIDs {
                overlays[id] = calendar.overlay(checkID: id, tags: tags[id] ?? [], at: now)
            }
        }
        // Unreachable and flapping (issue 22) are kept per check in the store.
        let states = try alertStates()
        for id in checkIDs {
            guard let shown = states[id]?.overlay else { continue }
            var overlay = overlays[id] ?? CheckOverlay()
            overlay.unreachable = shown.unreachable
            overlay.flapping = shown.flapping
            overlays[id] = overlay
        }
        // Acknowledgements of outages (issue 23).
        for (id, ack) in try activeAcks(now: now) where checkIDs.contains(id) {
            var overlay = overlays[id] ?? CheckOverlay()
            overlay.acknowledged = CheckOverlay.Acknowledged(by: ack.by, comment: ack.comment, until: ack.until)
            overlays[id] = overlay
        }
        let held = try outbox(states: [.held]).reduce(into: [Int64: Int]()) { $0[$1.checkID, default: 0] += 1 }
        return CheckOverlays(overlays: overlays, held: held)
    }
}

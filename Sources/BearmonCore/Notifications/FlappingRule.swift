/// Flapping as Icinga 2 detects it (issue 22), pure: over a check's last 21 confirmed states
/// (20 transitions, one state per interval after its rounds, never raw results), each change
/// weighs 0.8 for the oldest slot up to 1.18 for the newest (0.8 + 0.02 × slot), and the
/// share is the weighted changes over the 20 slots. A check starts flapping when the share
/// exceeds the threshold (`[alerting] flapping`) and stops when it falls below 80% of it.
package enum FlappingRule {
    /// Confirmed states kept per check: 20 transitions need 21 states.
    package static let kept = 21
    /// Transition slots, as Icinga's buffer.
    package static let slots = 20

    /// The weight of transition slot `slot`, 0 the oldest and 19 the newest.
    package static func weight(slot: Int) -> Double { 0.8 + 0.02 * Double(slot) }

    /// The weighted share of changes in `states` (oldest first; only the last 21 count), 0…1.18.
    package static func share(_ states: [CheckStatus]) -> Double {
        let recent = Array(states.suffix(kept))
        guard recent.count > 1 else { return 0 }
        // The newest transition sits in the newest slot; slots before the first state are empty.
        let offset = slots - (recent.count - 1)
        var weighted = 0.0
        for index in 1..<recent.count where recent[index] != recent[index - 1] {
            weighted += weight(slot: offset + index - 1)
        }
        return weighted / Double(slots)
    }

    /// A start or an end of flapping.
    package enum Change: Sendable, Equatable {
        /// The share rose above the threshold.
        case started
        /// The share fell below 80% of the threshold.
        case ended
    }

    /// Whether a check `flapping` now (or not) changes state with `share`; `threshold` 0 is off
    /// (and ends flapping).
    package static func change(share: Double, flapping: Bool, threshold: Double) -> Change? {
        guard threshold > 0 else { return flapping ? .ended : nil }
        if flapping { return share < threshold * 0.8 ? .ended : nil }
        return share > threshold ? .started : nil
    }

    /// States as stored ("u" online, "d" offline), oldest first.
    package static func decode(_ text: String) -> [CheckStatus] {
        text.compactMap { $0 == "u" ? .online : $0 == "d" ? .offline : nil }
    }

    /// `states` as stored, the last 21 only.
    package static func encode(_ states: [CheckStatus]) -> String {
        String(states.suffix(kept).map { $0 == .online ? "u" : "d" })
    }

    /// "45%", a share as people read it. A stored share outside 0...1 (or not a number) is
    /// shown at the nearer end rather than converted as it is, which trapped on 1e300.
    package static func percent(_ share: Double) -> String {
        let clamped = share.isNaN ? 0 : min(1, max(0, share))
        return "\(Int((clamped * 100).rounded()))%"
    }
}

package import BearmonCore

/// A contact type compiled into bearmon rather than loaded from a plugin.
///
/// Contract: `deliver` must not block a thread (it runs on the cooperative pool) and must
/// return a definite outcome; it gets the same validated parameters a plugin would.
package protocol BuiltInContact: Sendable {
    /// Delivers `event` to the contact described by `params`.
    func deliver(_ event: NotificationEvent, params: ResolvedParams) async -> ContactOutcome
}

package import BearmonCore
package import BearmonStore

/// A check type compiled into bearmon that the controller evaluates itself, from what is in
/// the store, instead of handing it to workers (see ``PluginType/Implementation/passive(_:)``).
///
/// Contract: `evaluate` blocks on the store (call it off the cooperative pool) and returns
/// `online` or `offline`, or throws when the store cannot answer.
package protocol PassiveCheck: Sendable {
    /// What is wrong with `params` beyond their declared types (ranges, empty ids).
    func problems(in params: ResolvedParams) -> [ParamProblem]
    /// The verdict at `now` (unix milliseconds).
    func evaluate(_ params: ResolvedParams, store: any Store, now: Int64) throws -> CheckOutcome
}

/// A check type written in Swift.
///
/// Contract: `run` is called on a host worker thread, possibly concurrently; it must bound
/// every wait by `call.deadline`, must not keep `call` after it returns, and must report a
/// problem as a ``CheckOutcome`` rather than trap. Bad parameters are `.fail`; a target that
/// did not pass is `.offline`.
public protocol CheckType: Sendable {
    /// The type's name, at most 16 bytes of [a-z0-9_-]; stored in `checks.type`.
    var name: String { get }
    /// One line for `bearmon plugins`.
    var summary: String { get }
    /// The parameters of the check's JSON data.
    var params: [ParamSpec] { get }
    /// The longest a run may take; the host never gives a call a later deadline.
    var maxRunMilliseconds: UInt32 { get }
    /// An `.int` parameter, in seconds, that bounds each run of one check (ABI 1.3's
    /// `timeout_param`); nil (the default) when only ``maxRunMilliseconds`` does.
    var timeoutParam: String? { get }
    /// Checks that go beyond the declared specs; report each with `call.reject`.
    func validate(_ call: Call)
    /// Runs the check once.
    func run(_ call: Call) -> CheckOutcome
}

extension CheckType {
    /// No validation beyond the declared specs.
    public func validate(_ call: Call) {}
    /// No per-check timeout parameter.
    public var timeoutParam: String? { nil }
}

/// A contact type written in Swift.
///
/// Contract: as for ``CheckType``; `deliver` reports `.retry` for transient failures and
/// `.permanent` when retrying cannot help.
public protocol ContactType: Sendable {
    /// The type's name, at most 16 bytes of [a-z0-9_-]; stored in `contacts.type`.
    var name: String { get }
    /// One line for `bearmon plugins`.
    var summary: String { get }
    /// The parameters of the contact's data; one should be `primary`.
    var params: [ParamSpec] { get }
    /// The longest a delivery may take.
    var maxRunMilliseconds: UInt32 { get }
    /// Checks that go beyond the declared specs; report each with `call.reject`.
    func validate(_ call: Call)
    /// Delivers one notification.
    func deliver(_ notification: Notification, _ call: Call) -> ContactOutcome
}

extension ContactType {
    /// No validation beyond the declared specs.
    public func validate(_ call: Call) {}
}

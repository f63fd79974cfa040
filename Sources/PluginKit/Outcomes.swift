import PluginABI

/// How a check ended.
public struct CheckOutcome: Sendable, Equatable {
    /// The verdict, one of `BEARMON_ONLINE`, `BEARMON_OFFLINE`, `BEARMON_FAIL`.
    public let status: Int32
    /// What happened, in words.
    public let message: String

    /// The target passed.
    public static func online(_ message: String = "") -> CheckOutcome { CheckOutcome(status: BEARMON_ONLINE, message: message) }
    /// The target did not pass.
    public static func offline(_ message: String) -> CheckOutcome { CheckOutcome(status: BEARMON_OFFLINE, message: message) }
    /// The check could not be judged.
    public static func fail(_ message: String) -> CheckOutcome { CheckOutcome(status: BEARMON_FAIL, message: message) }
}

/// How a delivery ended.
public struct ContactOutcome: Sendable, Equatable {
    /// One of `BEARMON_DELIVERED`, `BEARMON_RETRY`, `BEARMON_PERMANENT`.
    public let status: Int32
    /// Why it was not delivered, or "".
    public let error: String
    /// A receipt such as a Twilio sid, or nil.
    public let receipt: String?

    /// The receiver accepted it.
    public static func delivered(receipt: String? = nil) -> ContactOutcome { ContactOutcome(status: BEARMON_DELIVERED, error: "", receipt: receipt) }
    /// A transient failure; the host retries.
    public static func retry(_ error: String) -> ContactOutcome { ContactOutcome(status: BEARMON_RETRY, error: error, receipt: nil) }
    /// Retrying cannot help.
    public static func permanent(_ error: String) -> ContactOutcome { ContactOutcome(status: BEARMON_PERMANENT, error: error, receipt: nil) }
}

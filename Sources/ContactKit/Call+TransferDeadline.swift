import BearmonSystem
import PluginKit

extension Call {
    /// How much earlier than the call's deadline a transfer must end, so that the plugin
    /// reports its own timeout, naming what it waited for, instead of being cut off by the
    /// host's watchdog with a generic overrun.
    static let reportingMarginMilliseconds: Int64 = 250

    /// When a transfer must be over: after `seconds`, or a little before the call's
    /// deadline, whichever comes first.
    package func transferDeadline(seconds: Int64) -> Deadline {
        Deadline.earliest(deadline.adding(milliseconds: -Self.reportingMarginMilliseconds), .after(milliseconds: seconds * 1000))
    }
}

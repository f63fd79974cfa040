package import BearmonCore

/// An alert's `after` and `repeat` (issue 23), read and written the same way by the API, the
/// CLI (through the API) and config-as-code files.
extension AlertOptions {
    /// `field` (after or repeat) of `what` (an alert) in ms, from seconds or text such as 5m or 2h:
    /// more than 0 and at most 30 days; negative, zero, longer and non-numeric values are refused.
    package static func milliseconds(_ value: JSONValue, field: String, of what: String) throws(CatalogError) -> Int64 {
        let milliseconds = try HoldFields.milliseconds(value, field: field, of: what)
        guard milliseconds > 0, milliseconds <= longest else {
            throw CatalogError(.invalid, "\(what) \(field) must be more than 0 and at most 30 days, such as 5m or 2h, got \(HoldFields.durationText(milliseconds)); leave it out for none")
        }
        return milliseconds
    }

    /// A duration in ms as text such as 5m, nil for 0 (none).
    package static func text(_ milliseconds: Int64) -> String? {
        milliseconds > 0 ? HoldFields.durationText(milliseconds) : nil
    }
}

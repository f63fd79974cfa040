/// One of the five fields of a cron expression, with its allowed values and names, and the
/// parser for its text (lists, ranges, steps, names).
package enum CronField: Int, Sendable, CaseIterable {
    /// 0-59.
    case minute
    /// 0-23.
    case hour
    /// 1-31.
    case dayOfMonth
    /// 1-12 or JAN-DEC.
    case month
    /// 0-7 (0 and 7 are Sunday) or SUN-SAT.
    case dayOfWeek

    /// The field's name in messages.
    package var name: String {
        switch self {
        case .minute: "minute"
        case .hour: "hour"
        case .dayOfMonth: "day-of-month"
        case .month: "month"
        case .dayOfWeek: "day-of-week"
        }
    }

    /// The smallest and largest value written in the field.
    package var bounds: ClosedRange<Int> {
        switch self {
        case .minute: 0...59
        case .hour: 0...23
        case .dayOfMonth: 1...31
        case .month: 1...12
        case .dayOfWeek: 0...7
        }
    }

    /// The names the field accepts (upper case), at the value of their index plus `namesStart`.
    var names: [String] {
        switch self {
        case .month: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
        case .dayOfWeek: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
        default: []
        }
    }

    private var namesStart: Int { self == .month ? 1 : 0 }

    /// What the field accepts, for messages.
    private var accepted: String {
        switch self {
        case .month: "1-12 or JAN-DEC"
        case .dayOfWeek: "0-7 (0 and 7 are Sunday) or SUN-SAT"
        default: "\(bounds.lowerBound)-\(bounds.upperBound)"
        }
    }

    /// The set of values `text` selects, as bits (bit n set when value n matches); day-of-week
    /// 7 is folded onto 0. Accepts `*`, `N`, `N-M`, each optionally `/STEP`, joined by commas;
    /// `N/STEP` means `N-max/STEP`.
    package func parse(_ text: Substring) throws(MaintenanceScheduleError) -> UInt64 {
        var bits: UInt64 = 0
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            bits |= try parseItem(item, field: text)
        }
        if self == .dayOfWeek, bits & (1 << 7) != 0 { bits = (bits & ~(1 << 7)) | 1 }
        return bits
    }

    private func parseItem(_ item: Substring, field: Substring) throws(MaintenanceScheduleError) -> UInt64 {
        guard !item.isEmpty else { throw refuse(field, "has an empty list item; separate values with single commas, as in '1,15,30'") }
        let parts = item.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw refuse(field, "has more than one '/' in '\(item)'; write one step, as in '*/15'") }
        var step = 1
        if parts.count == 2 {
            guard let parsed = number(parts[1]) else {
                throw refuse(field, "has step '\(parts[1])', which is not a whole number; write a step such as '*/15'")
            }
            guard parsed >= 1 else { throw refuse(field, "has step 0; a step must be at least 1, as in '*/15'") }
            guard parsed <= bounds.upperBound else {
                throw refuse(field, "has step \(shortened(parts[1])), larger than the field's largest value \(bounds.upperBound); use a step of 1-\(bounds.upperBound)")
            }
            step = parsed
        }
        let range = try parseRange(parts[0], stepped: parts.count == 2, field: field)
        var bits: UInt64 = 0
        for value in stride(from: range.lowerBound, through: range.upperBound, by: step) { bits |= 1 << UInt64(value) }
        return bits
    }

    private func parseRange(_ text: Substring, stepped: Bool, field: Substring) throws(MaintenanceScheduleError) -> ClosedRange<Int> {
        if text == "*" { return bounds }
        let ends = text.split(separator: "-", omittingEmptySubsequences: false)
        guard ends.count <= 2 else { throw refuse(field, "has '\(text)', which is not a value or a range; write a range as 'FROM-TO'") }
        guard !ends.contains(where: \.isEmpty) else { throw refuse(field, "has '\(text)', which is missing a value; write a value, or a range as 'FROM-TO'") }
        let low = try value(ends[0], field: field)
        guard ends.count == 2 else { return stepped ? low...bounds.upperBound : low...low }
        let high = try value(ends[1], field: field)
        guard low <= high else {
            let hint = self == .dayOfWeek && high == 0 ? "; write Sunday as 7 at the end of a range, as in '\(low)-7'" : "; write the smaller value first, as in '\(high)-\(low)' or as a list"
            throw refuse(field, "has range \(ends[0])-\(ends[1]), which runs backwards\(hint)")
        }
        return low...high
    }

    private func value(_ text: Substring, field: Substring) throws(MaintenanceScheduleError) -> Int {
        if let index = names.firstIndex(of: text.uppercased()) { return index + namesStart }
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }), !text.isEmpty else {
            throw refuse(field, "has '\(text)', which is not a number\(names.isEmpty ? "" : " or a name"); use \(accepted)")
        }
        guard let parsed = number(text), bounds.contains(parsed) else {
            throw refuse(field, "has \(shortened(text)), which is out of range; use \(accepted)")
        }
        return parsed
    }

    /// A small non-negative decimal, or nil (also for more digits than any field needs).
    private func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 4, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return text.count > 4 && text.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int.max : nil
        }
        return Int(text)
    }

    /// `text`, cut to 9 characters and an ellipsis when longer, so a huge number stays readable.
    private func shortened(_ text: Substring) -> String { text.count > 9 ? text.prefix(9) + "..." : String(text) }

    private func refuse(_ field: Substring, _ problem: String) -> MaintenanceScheduleError {
        let shown = field.count > 40 ? String(field.prefix(40)) + "..." : String(field)
        return MaintenanceScheduleError("cron \(name) field '\(shown)' \(problem)")
    }
}

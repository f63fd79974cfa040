import PluginKit

/// The verdict on a certificate, gobearmon's rule: offline when the whole days left
/// (`int(hours/24)`, rounded toward zero) are at most `days`, so 10 days 23 hours left with
/// `days: 10` is offline; and always once expired.
struct CertificateExpiry {
    /// How the certificate is named in messages: its CN.
    let name: String
    /// Seconds until notAfter; negative once expired.
    let secondsLeft: Int64
    /// The warning window, in days.
    let days: Int64

    /// `secondsLeft` in days, for the `days_left` metric.
    var daysLeft: Double { Double(secondsLeft) / 86_400 }

    var outcome: CheckOutcome {
        if secondsLeft <= 0 { return .offline("certificate (\(name)) expired \(Self.span(-secondsLeft)) ago") }
        let message = "certificate (\(name)) expires in \(Self.span(secondsLeft))"
        return secondsLeft / 86_400 <= days ? .offline(message) : .online(message)
    }

    /// "5 days", "1 day", "7 hours", "less than an hour": days to the nearest whole day, so a
    /// certificate issued for 5 days reads "5 days" a few seconds later.
    static func span(_ seconds: Int64) -> String {
        if seconds >= 86_400 {
            let days = Int64((Double(seconds) / 86_400).rounded())
            return days == 1 ? "1 day" : "\(days) days"
        }
        let hours = seconds / 3600
        if hours >= 1 { return hours == 1 ? "1 hour" : "\(hours) hours" }
        return "less than an hour"
    }
}

/// `[notify] maxPerHour` and `[twilio] maxPerHour`: how many notifications a contact may be
/// sent in a rolling hour. 0 is unlimited.
package struct NotificationBudget: Sendable, Equatable {
    /// `[notify] maxPerHour`, for every contact (default 0, unlimited).
    package var perHour: Int
    /// `[twilio] maxPerHour`, for sms and voice contacts (default 20).
    package var twilioPerHour: Int

    /// The defaults: unlimited, and 20 per hour for sms and voice.
    package init(perHour: Int = 0, twilioPerHour: Int = 20) {
        self.perHour = perHour
        self.twilioPerHour = twilioPerHour
    }

    /// No limit for anyone (tests of other rules).
    package static let unlimited = NotificationBudget(perHour: 0, twilioPerHour: 0)

    /// The rolling window: an hour; tests shorten it (``NodeHooks``).
    package var windowMilliseconds: Int64 = 3_600_000

    /// The limit for a contact of `contactType`, 0 meaning none.
    package func limit(forContactType contactType: String?) -> Int {
        if let contactType, ["sms", "voice"].contains(contactType) { return twilioPerHour }
        return perHour
    }
}

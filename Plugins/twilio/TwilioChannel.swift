import ContactKit
import CurlKit
import PluginKit

/// The two ways Twilio reaches a phone, each its own contact type.
enum TwilioChannel: String, CaseIterable, Sendable {
    /// A text message (Messages resource).
    case sms
    /// A call that reads the notification out (Calls resource).
    case voice

    /// Twilio's longest message body, in characters.
    static let smsLimit = 1600
    /// How much of the notification a call reads out; Twilio takes TwiML of up to 4000
    /// characters, and a listener gives up long before.
    static let spokenLimit = 1000

    var summary: String {
        switch self {
        case .sms: "Sends a text message through Twilio ([twilio] accountSid, authToken, from)"
        case .voice: "Calls a phone through Twilio and reads the notification out"
        }
    }

    /// The REST resource a notification creates.
    var resource: String {
        switch self {
        case .sms: "Messages"
        case .voice: "Calls"
        }
    }

    /// The form fields of the create request. A call carries its TwiML inline (`Twiml`),
    /// so no third-party page has to serve it. A text ends with the acknowledge link when it
    /// fits whole; a call never reads one out.
    func fields(_ notification: Notification, to: String, from: String) -> [FormField] {
        switch self {
        case .sms:
            [FormField("To", to), FormField("From", from), FormField("Body", notification.text(limit: Self.smsLimit))]
        case .voice:
            [FormField("To", to), FormField("From", from), FormField("Twiml", TwiML.say(String(notification.headline.prefix(Self.spokenLimit))))]
        }
    }
}

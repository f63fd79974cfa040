import ContactKit
import CurlKit
import PluginKit

/// gobearmon's `sms` and `voice` contacts: one Twilio message or call per notification, to
/// the phone number in the contact's data. Twilio's sid is the receipt, which the host
/// records in `charges`.
struct TwilioContact: ContactType {
    /// The most a Twilio reply is read; its JSON is a few hundred bytes.
    static let replyCap = 64 * 1024

    let channel: TwilioChannel
    var name: String { channel.rawValue }
    var summary: String { channel.summary }
    let maxRunMilliseconds: UInt32 = 15_000
    let params = [
        ParamSpec("to", .string, "the phone number, in E.164 form such as +15551234567", required: true, primary: true),
    ]

    init(_ channel: TwilioChannel) { self.channel = channel }

    func validate(_ call: Call) {
        guard let to = call.string("to") else { return }
        if to.isEmpty || to.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            call.reject("to", "\(to.debugDescription) is not a phone number")
        }
    }

    func deliver(_ notification: Notification, _ call: Call) -> ContactOutcome {
        do throws(ContactFailure) {
            let settings = try TwilioSettings(ConfigSection(TwilioSettings.section, of: call))
            guard let to = call.string("to") else { throw .permanent("parameter 'to' is not set") }
            var request = CurlRequest(url: settings.endpoint(channel.resource), deadline: call.transferDeadline(seconds: Int64(maxRunMilliseconds / 1000)))
            request.body = .form(channel.fields(notification, to: to, from: settings.from))
            request.credentials = settings.credentials
            request.followRedirects = false
            request.bodyCap = Self.replyCap
            let response = try ContactTransfer.perform(request, for: call, target: settings.target)
            let reply = TwilioReply(response)
            guard ContactTransfer.httpAccepted(response.status) else {
                throw ContactTransfer.httpFailure(status: response.status, detail: reply.error(from: settings.target))
            }
            return .delivered(receipt: reply.sid)
        } catch {
            return error.outcome
        }
    }
}

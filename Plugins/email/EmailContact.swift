import ContactKit
import CurlKit
import PluginKit

/// gobearmon's `email` contact: one message per notification to the address in the
/// contact's data, sent through the `[smtp]` server.
struct EmailContact: ContactType {
    let name = "email"
    let summary = "Sends an e-mail through the [smtp] server"
    let maxRunMilliseconds: UInt32 = 30_000
    let params = [
        ParamSpec("to", .string, "the recipient's address, for example ops@example.org", required: true, primary: true),
    ]

    func validate(_ call: Call) {
        if let to = call.string("to"), let problem = MailAddress.problem(to) { call.reject("to", problem) }
    }

    func deliver(_ notification: Notification, _ call: Call) -> ContactOutcome {
        do throws(ContactFailure) {
            let settings = try SMTPSettings(ConfigSection(SMTPSettings.section, of: call))
            guard let to = call.string("to") else { throw .permanent("parameter 'to' is not set") }
            let message = MailMessage(from: settings.from, to: to, notification: notification)
            let deadline = call.transferDeadline(seconds: Int64(maxRunMilliseconds / 1000))
            let request = settings.request(to: to, message: message.bytes, deadline: deadline)
            _ = try ContactTransfer.perform(request, for: call, target: settings.server) { error, transfer in
                SMTPFailure(settings: settings, error: error, replyCode: transfer.replyCode).refined
            }
            return .delivered()
        } catch {
            return error.outcome
        }
    }
}

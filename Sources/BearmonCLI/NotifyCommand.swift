import BearmonManagement
import ArgumentParser
import BearmonCore
import BearmonMonitor
import BearmonPlugins
import Foundation

/// `bearmon notify TYPE --data DATA --check JSON --status offline|online`: fires one
/// notification by hand, through the contact plugins the daemon uses, and prints the outcome.
struct NotifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Send one notification through a contact type and print the outcome.",
        discussion: """
            The outcome is delivered, retry or permanent, with the error. Exit status: 0 when delivered, 1 when not.
            --config supplies the plugins' sections, such as [smtp] and [twilio].
            """
    )

    /// The statuses a check flips between.
    enum Status: String, CaseIterable, ExpressibleByArgument {
        case offline, online
    }

    @Argument(help: "The contact type, for example email, sms, voice, http or webhook.")
    var type: String

    @Option(help: "The contact's data, as stored in contacts.data: an address, a phone number, a URL, or a JSON object of the type's parameters.")
    var data: String

    @Option(help: #"The check, as JSON: {"id": 7, "name": "web", "type": "http", "data": "{\"url\":\"...\"}"}. Secrets in its data are masked before anything is sent."#)
    var check: String

    @Option(help: "The check's new status: offline or online.")
    var status: Status

    @Option(help: "The check's last message.")
    var message: String = ""

    @Option(name: .customLong("event-id"), help: "The ID receivers drop repeats by (default: a new UUID).")
    var eventID: String?

    @OptionGroup var options: PluginOptions

    func run() async throws {
        let host = try options.makeHost(threads: 1)
        let check = try HandFiredCheck(json: self.check)
        let contactType: PluginType
        let params: ResolvedParams
        do {
            contactType = try host.type(.contact, type)
            params = try host.validate(contactType, data: data, strict: true)
        } catch {
            throw CLIFailure(cause: error)
        }
        let event = NotificationEvent(
            eventID: eventID ?? UUID().uuidString.lowercased(), status: status.rawValue, message: message,
            checkID: check.id, checkName: check.name, checkType: check.type,
            maskedCheckData: DataMasker(host: host).mask(kind: .check, type: check.type, data: check.data),
            time: Int64(Date().timeIntervalSince1970), kind: "test"
        )
        let outcome = await host.deliver(contactType, params: params, event: event, label: "bearmon notify \(type)")
        print(DeliveryText(outcome: outcome, eventID: event.eventID).text)
        if outcome.status != .delivered { throw ExitCode(1) }
    }
}

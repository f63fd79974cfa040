import ArgumentParser
import BearmonCore
import BearmonManagement

/// `bearmon ack CHECK_ID [--comment ...] [--for DURATION] [--clear]`: acknowledges a check's
/// current outage (README, "Acknowledgements"): escalations and reminders stop until it recovers
/// or `--for` runs out.
struct AckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack",
        abstract: "Acknowledge a check's outage: its escalations and reminders stop until it recovers or --for runs out."
    )
    @Argument(help: "The check's id.") var check: Int64
    @Option(help: "Why, for people.") var comment: String?
    @Option(name: .customLong("for"), help: "How long, such as 30m or 2h; without it, until the check recovers.") var duration: String?
    @Flag(help: "Clear the acknowledgement instead: escalations and reminders resume.") var clear = false
    @OptionGroup var options: ManagementOptions

    func validate() throws {
        if clear, comment != nil || duration != nil { throw ValidationError("--clear takes no --comment or --for") }
    }

    func run() async throws {
        let session = try options.open()
        if clear {
            try managed { () throws(CatalogError) in try session.catalog.clearAck(check) }
            print("cleared the acknowledgement of check \(check)")
            return
        }
        var body: [String: JSONValue] = [:]
        if let comment { body["comment"] = .string(comment) }
        if let duration { body["for"] = .string(duration) }
        let ack = try managed { () throws(CatalogError) in try session.catalog.acknowledge(check, body: .object(body), creator: nil) }
        print("acknowledged check \(check) as \(ack.by)\(ack.until.map { " until \($0)" } ?? " until it recovers")")
    }
}

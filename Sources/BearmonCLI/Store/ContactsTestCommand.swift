import ArgumentParser
import BearmonCore
import BearmonManagement

/// `bearmon contacts test ID`: a `test` notification through the outbox, delivered at once
/// the way an alert would be (with `--api`, by the node), and its outcome.
struct ContactsTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Send a contact a test notification and print how it went.",
        discussion: "The notification has kind test and status online, and is recorded in the outbox. Prints the outcome (delivered or failed), the error or the receipt, and the event id. Exit status: 0 when delivered, 1 when not."
    )
    @Argument(help: "The contact's id.") var id: Int64
    @OptionGroup var options: ManagementOptions

    /// The catalog blocks until the receiver answers; it waits here, off Swift's cooperative pool,
    /// which the delivery itself runs on.
    private static let queue = BlockingExecutor(label: "bearmon.cli.contact-test")

    func run() async throws {
        let session = try options.open()
        let catalog = session.catalog
        let id = id
        let report = try await Self.queue.run { try managed { () throws(CatalogError) in try catalog.testContact(id) } }
        print(DeliveryText(outcome: report.outcome, error: report.error ?? "", receipt: report.receipt, eventID: report.eventID).text)
        if !report.delivered { throw ExitCode(1) }
    }
}

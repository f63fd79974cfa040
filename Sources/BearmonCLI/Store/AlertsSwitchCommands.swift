import ArgumentParser
import BearmonCore
import BearmonManagement

/// `bearmon alerts enable ID`.
struct AlertsEnableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Enable an alert.")
    @Argument(help: "The alert's id.") var id: Int64
    @OptionGroup var options: ManagementOptions

    func run() async throws {
        try setAlertEnabled(id, true, quiet: false, options: options)
        print("enabled alert \(id)")
    }
}

/// `bearmon alerts disable ID [--quiet]`: the link stays, silent, until enabled again.
struct AlertsDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable",
        abstract: "Disable an alert; its contact gets a removed notification if it last heard the check offline, unless --quiet."
    )
    @Argument(help: "The alert's id.") var id: Int64
    @OptionGroup var quiet: QuietOption
    @OptionGroup var options: ManagementOptions

    func run() async throws {
        try setAlertEnabled(id, false, quiet: quiet.quiet, options: options)
        print("disabled alert \(id)")
    }
}

/// Enables or disables alert `id`.
private func setAlertEnabled(_ id: Int64, _ enabled: Bool, quiet: Bool, options: ManagementOptions) throws {
    let session = try options.open()
    _ = try managed { () throws(CatalogError) in try session.catalog.updateAlert(id, patch: .object(["enabled": .bool(enabled)]), quiet: quiet) }
}

package import BearmonCore

/// Managing checks, contacts, alerts and API tokens without SQL. Two implementations: over
/// the store (``LocalCatalog``, used by the CLI with `--db` and by the REST API on a node) and
/// over the REST API (``RemoteCatalog``, the CLI with `--api`), so that both paths validate,
/// mask and word their refusals the same way.
///
/// Contract: methods block (call them off an event loop) and throw only ``CatalogError``.
/// Bodies are JSON objects as the REST API takes them: creations are whole resources without
/// `id` (unknown fields are refused), updates are JSON merge patches (RFC 7386) of the
/// resource as it is shown, masks included, where a masked value sent back means "unchanged".
package protocol CatalogService: Sendable {
    /// A page of checks by id; with `tag`, only checks that carry it.
    func listChecks(_ page: PageRequest, tag: String?) throws(CatalogError) -> Page<CheckResource>
    /// One check.
    func check(_ id: Int64) throws(CatalogError) -> CheckResource
    /// Adds a check from `body`; its data is validated against its type.
    func createCheck(_ body: JSONValue) throws(CatalogError) -> CheckResource
    /// Applies a merge patch to a check; disabling it tells each contact that last heard
    /// `offline` with a `removed` notification unless `quiet`.
    func updateCheck(_ id: Int64, patch: JSONValue, quiet: Bool) throws(CatalogError) -> CheckResource
    /// Removes a check with its alerts, tags and options; `removed` notifications unless `quiet`.
    func deleteCheck(_ id: Int64, quiet: Bool) throws(CatalogError)

    /// A page of contacts by id.
    func listContacts(_ page: PageRequest) throws(CatalogError) -> Page<ContactResource>
    /// One contact.
    func contact(_ id: Int64) throws(CatalogError) -> ContactResource
    /// Adds a contact from `body`; its data is validated against its type.
    func createContact(_ body: JSONValue) throws(CatalogError) -> ContactResource
    /// Applies a merge patch to a contact.
    func updateContact(_ id: Int64, patch: JSONValue) throws(CatalogError) -> ContactResource
    /// Removes a contact and the alerts that use it; a `removed` notification for each check
    /// it last heard `offline` about unless `quiet`.
    func deleteContact(_ id: Int64, quiet: Bool) throws(CatalogError)
    /// Sends the contact a `test` notification through the outbox and reports how it went.
    func testContact(_ id: Int64) throws(CatalogError) -> TestNotificationResource

    /// A page of alerts by id.
    func listAlerts(_ page: PageRequest) throws(CatalogError) -> Page<AlertResource>
    /// One alert.
    func alert(_ id: Int64) throws(CatalogError) -> AlertResource
    /// Links a check to a contact.
    func createAlert(_ body: JSONValue) throws(CatalogError) -> AlertResource
    /// Applies a merge patch to an alert (type, enabled); disabling it sends `removed`
    /// notifications unless `quiet`.
    func updateAlert(_ id: Int64, patch: JSONValue, quiet: Bool) throws(CatalogError) -> AlertResource
    /// Removes an alert; `removed` notifications unless `quiet`.
    func deleteAlert(_ id: Int64, quiet: Bool) throws(CatalogError)

    /// A page of tokens by id (never the tokens themselves).
    func listTokens(_ page: PageRequest) throws(CatalogError) -> Page<TokenResource>
    /// One token's listing.
    func token(_ id: Int64) throws(CatalogError) -> TokenResource
    /// Makes a token (`{"name": ..., "scope": "read"|"write"}`); the answer carries the token, once.
    func createToken(_ body: JSONValue) throws(CatalogError) -> TokenResource
    /// Applies a merge patch to a token's name or scope.
    func updateToken(_ id: Int64, patch: JSONValue) throws(CatalogError) -> TokenResource
    /// Revokes a token: it stops working at once.
    func deleteToken(_ id: Int64) throws(CatalogError)

    /// A check's results, newest first.
    func results(check id: Int64, _ page: PageRequest) throws(CatalogError) -> Page<ResultResource>
    /// A check's flips, newest first, each with its notifications.
    func flips(check id: Int64, _ page: PageRequest) throws(CatalogError) -> Page<FlipResource>

    /// A page of maintenance windows by id.
    func listMaintenances(_ page: PageRequest) throws(CatalogError) -> Page<MaintenanceResource>
    /// One maintenance window.
    func maintenance(_ id: Int64) throws(CatalogError) -> MaintenanceResource
    /// Adds a maintenance window from `body` (README, "Maintenance windows"). `creator` is who
    /// asks as the API knows them (the token's name); nil means whoever runs this process:
    /// the local user for ``LocalCatalog``, the token's name on the node for ``RemoteCatalog``.
    func createMaintenance(_ body: JSONValue, creator: String?) throws(CatalogError) -> MaintenanceResource
    /// Removes a maintenance window.
    func deleteMaintenance(_ id: Int64) throws(CatalogError)

    /// A page of silences by id, expired and ended ones included; `active` keeps only those in
    /// force (true) or over (false).
    func listSilences(_ page: PageRequest, active: Bool?) throws(CatalogError) -> Page<SilenceResource>
    /// One silence.
    func silence(_ id: Int64) throws(CatalogError) -> SilenceResource
    /// Starts a silence from `body` (README, "Silences"); `creator` as for maintenance windows.
    func createSilence(_ body: JSONValue, creator: String?) throws(CatalogError) -> SilenceResource
    /// Ends a silence early; it is kept for history.
    func endSilence(_ id: Int64) throws(CatalogError)
    /// Acknowledges a check's current outage from `body` (`comment`, `for`); `creator` as for silences.
    func acknowledge(_ id: Int64, body: JSONValue, creator: String?) throws(CatalogError) -> AckResource
    /// Clears a check's acknowledgement.
    func clearAck(_ id: Int64) throws(CatalogError)

    /// The catalog as config as code (README, "Config as code"), secrets masked.
    func exportConfig() throws(CatalogError) -> ConfigExport
    /// Plans a config-as-code file against the catalog and, unless it is a dry run, applies
    /// the plan in one transaction; a bad file is refused naming file:line, changing nothing.
    func applyConfig(_ request: ConfigApplyRequest) throws(CatalogError) -> ConfigApplyReport
}

extension CatalogService {
    /// Applies a merge patch to a check, telling contacts of a disable (not quiet).
    package func updateCheck(_ id: Int64, patch: JSONValue) throws(CatalogError) -> CheckResource { try updateCheck(id, patch: patch, quiet: false) }
    /// Removes a check, telling contacts (not quiet).
    package func deleteCheck(_ id: Int64) throws(CatalogError) { try deleteCheck(id, quiet: false) }
    /// Removes a contact, telling it (not quiet).
    package func deleteContact(_ id: Int64) throws(CatalogError) { try deleteContact(id, quiet: false) }
    /// Applies a merge patch to an alert, telling contacts of a disable (not quiet).
    package func updateAlert(_ id: Int64, patch: JSONValue) throws(CatalogError) -> AlertResource { try updateAlert(id, patch: patch, quiet: false) }
    /// Removes an alert, telling contacts (not quiet).
    package func deleteAlert(_ id: Int64) throws(CatalogError) { try deleteAlert(id, quiet: false) }
}

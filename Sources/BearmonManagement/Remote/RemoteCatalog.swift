package import BearmonCore

/// ``CatalogService`` over a node's REST API (`/api/v1`), for the CLI's `--api URL`: an
/// operator manages checks without database access. The node validates, masks and words its
/// refusals as ``LocalCatalog`` does; its `{"error": ...}` answers come back as the same
/// ``CatalogError``, and a failure to reach it (refused, TLS, not a bearmon node) is one
/// ``CatalogError`` of kind `unavailable` that says what to check.
///
/// The token is sent as `Authorization: Bearer`; it comes from ``RemoteToken`` (the
/// environment), never from the command line. Calls block, as the protocol says.
package struct RemoteCatalog: CatalogService {
    /// Where requests go.
    package let endpoint: RemoteEndpoint
    /// The API token, or nil to send none (reads of a node with open reads need none).
    let token: String?
    /// A PEM file of the CAs that sign the node's certificate, instead of the system's.
    let caFile: String?
    /// How long one request may take, connect to last byte.
    var timeout: Duration

    /// A client of `endpoint`. Plain HTTP off loopback is refused unless `allowCleartext`:
    /// the token and check data (which can hold passwords) would cross the network readable.
    package init(endpoint: RemoteEndpoint, token: String?, caFile: String? = nil, allowCleartext: Bool = false,
                 timeout: Duration = .seconds(30)) throws(CatalogError) {
        guard !endpoint.cleartext || endpoint.loopback || allowCleartext else {
            throw CatalogError(.invalid, "--api \(endpoint.shown): plain http to another machine would send the token and check secrets readable by anyone on the path; use https:// (the node's [default] cert and key), or --api-cleartext on a network you trust")
        }
        self.endpoint = endpoint
        self.token = token
        self.caFile = caFile
        self.timeout = timeout
    }

    /// A page of checks by id; with `tag`, only checks that carry it.
    package func listChecks(_ page: PageRequest, tag: String?) throws(CatalogError) -> Page<CheckResource> {
        try call("GET", "/checks", query: page.query + (tag.map { [("tag", $0)] } ?? []))
    }
    /// One check.
    package func check(_ id: Int64) throws(CatalogError) -> CheckResource { try call("GET", "/checks/\(id)") }
    /// Adds a check.
    package func createCheck(_ body: JSONValue) throws(CatalogError) -> CheckResource { try call("POST", "/checks", body: body) }
    /// Applies a merge patch to a check.
    package func updateCheck(_ id: Int64, patch: JSONValue, quiet: Bool) throws(CatalogError) -> CheckResource {
        try call("PATCH", "/checks/\(id)", query: Self.quietQuery(quiet), body: patch)
    }
    /// Removes a check.
    package func deleteCheck(_ id: Int64, quiet: Bool) throws(CatalogError) { try send("DELETE", "/checks/\(id)", query: Self.quietQuery(quiet)) }

    /// A page of contacts by id.
    package func listContacts(_ page: PageRequest) throws(CatalogError) -> Page<ContactResource> { try call("GET", "/contacts", query: page.query) }
    /// One contact.
    package func contact(_ id: Int64) throws(CatalogError) -> ContactResource { try call("GET", "/contacts/\(id)") }
    /// Adds a contact.
    package func createContact(_ body: JSONValue) throws(CatalogError) -> ContactResource { try call("POST", "/contacts", body: body) }
    /// Applies a merge patch to a contact.
    package func updateContact(_ id: Int64, patch: JSONValue) throws(CatalogError) -> ContactResource { try call("PATCH", "/contacts/\(id)", body: patch) }
    /// Removes a contact.
    package func deleteContact(_ id: Int64, quiet: Bool) throws(CatalogError) { try send("DELETE", "/contacts/\(id)", query: Self.quietQuery(quiet)) }
    /// Sends a contact a test notification; the node delivers it and answers how it went.
    package func testContact(_ id: Int64) throws(CatalogError) -> TestNotificationResource {
        // The node answers once the receiver has, which may take the contact type's whole run time.
        var patient = self
        patient.timeout = timeout + .seconds(90)
        return try patient.call("POST", "/contacts/\(id)/test")
    }

    /// Acknowledges a check's outage; the token's name is who.
    package func acknowledge(_ id: Int64, body: JSONValue, creator: String?) throws(CatalogError) -> AckResource { try call("POST", "/checks/\(id)/ack", body: body) }
    /// Clears a check's acknowledgement.
    package func clearAck(_ id: Int64) throws(CatalogError) { _ = try send("DELETE", "/checks/\(id)/ack") }

    /// A page of alerts by id.
    package func listAlerts(_ page: PageRequest) throws(CatalogError) -> Page<AlertResource> { try call("GET", "/alerts", query: page.query) }
    /// One alert.
    package func alert(_ id: Int64) throws(CatalogError) -> AlertResource { try call("GET", "/alerts/\(id)") }
    /// Links a check to a contact.
    package func createAlert(_ body: JSONValue) throws(CatalogError) -> AlertResource { try call("POST", "/alerts", body: body) }
    /// Applies a merge patch to an alert.
    package func updateAlert(_ id: Int64, patch: JSONValue, quiet: Bool) throws(CatalogError) -> AlertResource {
        try call("PATCH", "/alerts/\(id)", query: Self.quietQuery(quiet), body: patch)
    }
    /// Removes an alert.
    package func deleteAlert(_ id: Int64, quiet: Bool) throws(CatalogError) { try send("DELETE", "/alerts/\(id)", query: Self.quietQuery(quiet)) }

    /// A page of tokens by id.
    package func listTokens(_ page: PageRequest) throws(CatalogError) -> Page<TokenResource> { try call("GET", "/tokens", query: page.query) }
    /// One token's listing.
    package func token(_ id: Int64) throws(CatalogError) -> TokenResource { try call("GET", "/tokens/\(id)") }
    /// Makes a token; the answer carries it, once.
    package func createToken(_ body: JSONValue) throws(CatalogError) -> TokenResource { try call("POST", "/tokens", body: body) }
    /// Applies a merge patch to a token.
    package func updateToken(_ id: Int64, patch: JSONValue) throws(CatalogError) -> TokenResource { try call("PATCH", "/tokens/\(id)", body: patch) }
    /// Revokes a token.
    package func deleteToken(_ id: Int64) throws(CatalogError) { try send("DELETE", "/tokens/\(id)") }

    /// A check's results, newest first.
    package func results(check id: Int64, _ page: PageRequest) throws(CatalogError) -> Page<ResultResource> {
        try call("GET", "/checks/\(id)/results", query: page.query)
    }
    /// A check's flips, newest first.
    package func flips(check id: Int64, _ page: PageRequest) throws(CatalogError) -> Page<FlipResource> {
        try call("GET", "/checks/\(id)/flips", query: page.query)
    }

    /// The catalog as config as code, secrets masked (the API never sends them).
    package func exportConfig() throws(CatalogError) -> ConfigExport { try call("GET", "/config") }
    /// Sends a config-as-code file to the node, which plans and applies it in one transaction.
    package func applyConfig(_ request: ConfigApplyRequest) throws(CatalogError) -> ConfigApplyReport {
        try call("POST", "/config", body: LocalCatalog.json(request))
    }
}

extension RemoteCatalog {
    /// `?quiet=true` when asked for; nothing otherwise, so that a node before it still answers.
    static func quietQuery(_ quiet: Bool) -> [(String, String)] { quiet ? [("quiet", "true")] : [] }
}

extension PageRequest {
    /// `limit` and `cursor` as query parameters.
    var query: [(String, String)] { [("limit", String(limit))] + (cursor.map { [("cursor", $0)] } ?? []) }
}

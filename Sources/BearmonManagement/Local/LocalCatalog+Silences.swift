package import BearmonCore

extension LocalCatalog {
    private static let silenceFields = ["check_id", "tag", "duration", "expires_at", "comment"]

    /// A page of silences by id, expired and ended ones included; with `active`, only those
    /// in force now (true) or only those over (false).
    package func listSilences(_ request: PageRequest, active: Bool?) throws(CatalogError) -> Page<SilenceResource> {
        let now = now()
        let rows = try stored { try store.silences() }.filter { active == nil || $0.isActive(at: now) == active }
        let (items, next) = try page(rows, list: "silences", id: \.id, request)
        return Page(items: items.map { SilenceResource($0, now: now) }, next: next)
    }

    /// One silence.
    package func silence(_ id: Int64) throws(CatalogError) -> SilenceResource {
        try requirePositive(id, "silence")
        guard let row = try stored({ try store.silences().first { $0.id == id } }) else { throw CatalogError(.notFound, "silence \(id) does not exist") }
        return SilenceResource(row, now: now())
    }

    /// Starts a silence now (README, "Silences"): a check or a tag, a `duration` or an
    /// `expires_at` at most 90 days ahead, a comment. `creator` is the API token's name, nil
    /// for the local user.
    package func createSilence(_ body: JSONValue, creator: String?) throws(CatalogError) -> SilenceResource {
        let what = "silence"
        let reader = try BodyReader(body, what: what, known: Self.silenceFields)
        let targets = try MaintenanceInput.targets(reader, checkByName: false)
        guard targets.count == 1, let target = targets.first else {
            throw CatalogError(.invalid, targets.isEmpty
                ? "the silence needs check_id (one check) or tag (every check with it); for every check, add a maintenance window"
                : "the silence gives both check_id and tag; give one")
        }
        let now = now()
        let expiresAt: Int64
        switch (reader.value("duration"), reader.value("expires_at")) {
        case (let duration?, nil):
            let (sum, overflow) = now.addingReportingOverflow(try HoldFields.milliseconds(duration, field: "duration", of: what))
            expiresAt = overflow ? .max : sum
        case (nil, let expiry?):
            expiresAt = try HoldFields.instant(expiry, field: "expires_at", of: what)
        case (nil, nil):
            throw CatalogError(.invalid, "the silence needs an expiry: duration (such as 2h) or expires_at (a time such as 2026-12-01T02:00:00+01:00), at most 90 days ahead")
        default:
            throw CatalogError(.invalid, "the silence gives both duration and expires_at; give one")
        }
        guard expiresAt > now else {
            throw CatalogError(.invalid, "silence expires_at \(HoldFields.text(expiresAt)) is past; give a time in the future")
        }
        let longest = SilenceRow.longest.inMilliseconds
        guard expiresAt - now <= longest else {
            throw CatalogError(.invalid, "the silence would last \(HoldFields.durationText((expiresAt - now) / 1_000 * 1_000)); at most \(HoldFields.durationText(longest)) (90 days) is allowed: for planned work, add a maintenance window")
        }
        let comment = try reader.string("comment") ?? ""
        try HoldFields.checkComment(comment, of: what)
        let scope = try holdScope(target)
        let row = SilenceRow(id: 0, scope: scope, startsAt: now, expiresAt: expiresAt, comment: comment, createdBy: creator ?? HoldFields.localCreator(), createdAt: now)
        let id = try stored { try store.addSilence(row, now: now) }
        return try silence(id)
    }

    /// Ends a silence now; it is kept for history. Ending one already over changes nothing.
    package func endSilence(_ id: Int64) throws(CatalogError) {
        try requirePositive(id, "silence")
        try stored { try store.endSilence(id, now: now()) }
    }
}

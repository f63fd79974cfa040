package import BearmonCore

extension LocalCatalog {
    private static let ackFields = ["comment", "for"]

    /// Acknowledges check `id`'s current outage (README, "Acknowledgements"): `comment`, and
    /// `for` (a duration such as 30m; absent: until the check recovers). `creator` is the API
    /// token's name, nil for `local:USER`.
    package func acknowledge(_ id: Int64, body: JSONValue, creator: String?) throws(CatalogError) -> AckResource {
        try requirePositive(id, "check")
        let reader = try BodyReader(body, what: "acknowledgement", known: Self.ackFields)
        let comment = try reader.string("comment") ?? ""
        try HoldFields.checkComment(comment, of: "acknowledgement")
        let now = now()
        var until: Int64?
        if let duration = reader.value("for") {
            let span = try HoldFields.milliseconds(duration, field: "for", of: "acknowledgement")
            guard span <= SilenceRow.longest.inMilliseconds else { throw CatalogError(.invalid, "acknowledgement for must be at most 90 days; the check's recovery clears it anyway") }
            until = now + span
        }
        let row = try stored { try store.acknowledge(check: id, by: creator ?? HoldFields.localCreator(), comment: comment, until: until, now: now) }
        return AckResource(row)
    }

    /// Clears check `id`'s acknowledgement, so that escalations and reminders resume.
    package func clearAck(_ id: Int64) throws(CatalogError) {
        try requirePositive(id, "check")
        let now = now()
        guard try stored({ try store.clearAck(check: id, now: now) }) else {
            throw CatalogError(.notFound, "check \(id) has no acknowledgement in force")
        }
    }
}

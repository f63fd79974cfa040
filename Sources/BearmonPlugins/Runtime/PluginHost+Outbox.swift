package import BearmonCore

extension PluginHost {
    /// Delivers one outbox row through its contact's plugin, turning a missing contact,
    /// type or bad data into the right kind of failure. The outbox sender and test
    /// notifications share it, so that a test goes exactly the way an alert would.
    package func deliver(_ entry: OutboxEntry) async -> ContactOutcome {
        guard let typeName = entry.contactType, let data = entry.contactData else {
            return ContactOutcome(status: .permanent, error: "contact \(entry.contactID) was deleted")
        }
        let type: PluginType
        do {
            type = try self.type(.contact, typeName)
        } catch {
            // The plugin may be installed later (SIGHUP loads it), so keep trying.
            return ContactOutcome(status: .retry, error: "\(error)")
        }
        let params: ResolvedParams
        do {
            params = try validate(type, data: data)
        } catch {
            return ContactOutcome(status: .permanent, error: "\(error)")
        }
        return await deliver(type, params: params, event: NotificationEvent(entry), label: "notify \(entry.eventID)")
    }
}

extension NotificationEvent {
    /// The event an outbox row describes, ABI 1.2's fields and 1.4's acknowledge link included.
    package init(_ entry: OutboxEntry) {
        self.init(
            eventID: entry.eventID, status: entry.status.rawValue, message: entry.message, checkID: entry.checkID,
            checkName: entry.checkName, checkType: entry.checkType, maskedCheckData: entry.checkData, time: entry.createdAt / 1000,
            kind: entry.kind.rawValue
        )
        count = entry.missed
        since = entry.since / 1000
        detail = entry.detail
        acknowledgedBy = entry.acknowledgedBy ?? ""
        ackURL = entry.ackURL ?? ""
        if entry.kind == .escalation, entry.holdReason.hasPrefix(HoldReason.escalationPrefix) {
            escalationLevel = Int64(entry.holdReason.dropFirst(HoldReason.escalationPrefix.count)) ?? 0
        }
        if entry.kind == .fallback, entry.detail.hasPrefix(NotificationKind.fallbackPrefix) {
            fallbackFromContactID = Int64(entry.detail.dropFirst(NotificationKind.fallbackPrefix.count).prefix { $0.isNumber }) ?? 0
        }
    }
}

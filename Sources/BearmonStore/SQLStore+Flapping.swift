package import BearmonCore

/// One confirmed state of a check: its status once a run's round is done (issue 22).
package struct ConfirmedState: Sendable, Equatable {
    /// `checks.id`.
    package var checkID: Int64
    /// The state confirmed.
    package var status: CheckStatus
    /// When, unix ms.
    package var time: Int64

    /// A value from its parts.
    package init(checkID: Int64, status: CheckStatus, time: Int64) {
        self.checkID = checkID
        self.status = status
        self.time = time
    }
}

/// What one batch of confirmed states changed.
package struct FlappingRecord: Sendable, Equatable {
    /// Checks that started flapping.
    package var started: [Int64] = []
    /// Checks that stopped flapping.
    package var ended: [Int64] = []
    /// `flapping` notifications written.
    package var notices = 0

    /// Nothing changed.
    package init() {}
}

extension SQLStore {
    /// Records confirmed states, fenced by `view`: each check keeps its last 21 (20 transitions),
    /// and with `threshold` above 0 (`[alerting] flapping`) ``FlappingRule`` judges them. A
    /// check that starts flapping sends each contact one `flapping` notification (none under a
    /// window or silence); while it flaps its flips are held, and when it ends the release
    /// pass tells each contact the current state if it differs from what it last heard.
    package func recordConfirmed(_ samples: [ConfirmedState], flapping threshold: Double, view: Int64) throws -> FlappingRecord {
        guard !samples.isEmpty else { return FlappingRecord() }
        return try database.transaction { tx in
            try checkFence(view, in: tx)
            var record = FlappingRecord()
            for sample in samples {
                guard let check = try tx.query("SELECT name, type FROM checks WHERE id = ?", [.int(sample.checkID)]).first else { continue }
                try Self.ensureAlertState(sample.checkID, in: tx)
                let stored = try tx.query("SELECT states, flapping_since FROM check_alert_states WHERE check_id = ?", [.int(sample.checkID)]).first
                let states = FlappingRule.decode(stored?.string(0) ?? "") + [sample.status]
                var since = stored?[1].int
                let share = FlappingRule.share(states)
                switch FlappingRule.change(share: share, flapping: since != nil, threshold: threshold) {
                case .started:
                    since = sample.time
                    record.started.append(sample.checkID)
                    record.notices += try Self.tellFlapping(sample, share: share, threshold: threshold, name: check.string(0), type: check.string(1), view: view, in: tx)
                case .ended:
                    since = nil
                    record.ended.append(sample.checkID)
                case nil:
                    break
                }
                try tx.execute(
                    "UPDATE check_alert_states SET states = ?, confirmed_at = ?, flapping_share = ?, flapping_since = ? WHERE check_id = ?",
                    [.text(FlappingRule.encode(states)), .int(sample.time), .double(share), since.map(SQLValue.int) ?? .null, .int(sample.checkID)]
                )
            }
            return record
        }
    }

    /// Ends every check's flapping (the threshold was set to 0): the release pass then tells
    /// what was held. Returns how many checks were flapping.
    package func endFlapping() throws -> Int {
        Int(try database.execute("UPDATE check_alert_states SET flapping_since = NULL WHERE flapping_since IS NOT NULL").affectedRows)
    }

    /// One `flapping` notification per contact with an enabled alert on the check, unless a
    /// window or a silence covers it. Returns how many were written.
    private static func tellFlapping(_ sample: ConfirmedState, share: Double, threshold: Double, name: String, type: String,
                                     view: Int64, in tx: any SQLExecutor) throws -> Int {
        let calendarHold = try holdCalendar(in: tx, now: sample.time).hold(checkID: sample.checkID, tags: try tags(of: sample.checkID, in: tx), at: sample.time)
        guard calendarHold == nil else { return 0 }
        let contacts = try tx.query("SELECT DISTINCT contact_id FROM alerts WHERE check_id = ? AND enabled = 1 ORDER BY contact_id", [.int(sample.checkID)])
        let flip = try latestFlip(of: sample.checkID, in: tx)
        for contact in contacts {
            let draft = OutboxDraft(
                flipID: flip?.string(0) ?? "", checkID: sample.checkID, contactID: contact.int(0), status: sample.status, kind: .flapping,
                checkName: name.fitted(to: .checkName), checkType: type, checkData: "{}", message: flip?.string(1) ?? "",
                since: sample.time, createdAt: sample.time, view: view,
                detail: "flapping started: \(FlappingRule.percent(share)) weighted changes over its last \(FlappingRule.slots) states (threshold \(FlappingRule.percent(threshold))); its notifications are held until it settles"
            )
            _ = try write(draft, .send, in: tx)
        }
        return contacts.count
    }
}

import BearmonCore
import Foundation

/// How `bearmon status` prints a ``StatusReport`` for people.
struct StatusText {
    let report: StatusReport

    var text: String {
        var lines: [String] = []
        let view = report.view.map { "view \($0.number), held by \($0.holder.isEmpty ? "nobody" : $0.holder)" } ?? "no view"
        lines.append("controller: \(report.controller ?? "(not running or unknown)"), \(view) [\(report.source == "live" ? "live, from the running controller" : "from the database; turn state needs --addr")]")
        if !report.workers.isEmpty {
            let workers = report.workers.map { "\($0.node) (\($0.alive ? "alive" : "silent"), seen \(seconds($0.lastSeenMsAgo)) ago)" }
            lines.append("workers: " + workers.joined(separator: ", "))
        }
        let counts = ["online", "offline", "misconfigured", "disabled"].map { "\(report.counts[$0] ?? 0) \($0)" }
        lines.append("checks: " + counts.joined(separator: ", ") + (report.confirmations.map { "; confirmations \($0)" } ?? ""))
        lines.append("")
        var table = TextTable("ID", "NAME", "TYPE", "STATUS", "TURN", "LAST RESULT", "NODE", "WHEN")
        for check in report.checks {
            let status = !check.enabled ? "disabled" : check.misconfigured != nil ? "misconfigured" : check.status
            let turn = check.turnCount.map { "\($0)/\(check.delay.saturatingAdding(1))" + ((check.turnSet ?? []).isEmpty ? "" : " [\(check.turnSet!.joined(separator: ","))]") } ?? "-"
            let last = check.lastResult.map { "\($0.status): \($0.message)" } ?? "-"
            table.add(String(check.id), check.name, check.type, status, turn, String(last.prefix(60)),
                      check.lastResult?.node ?? "-", check.lastResult.map { timestamp($0.time) } ?? "-")
        }
        lines.append(table.text)
        for check in report.checks {
            if let problem = check.misconfigured { lines.append("check \(check.id) is misconfigured: \(problem)") }
            lines += CheckOverlay.lines(check: check.id, maintenance: check.maintenance, silence: check.silence, unreachable: check.unreachable, flapping: check.flapping, acknowledged: check.acknowledged, held: check.held, time: timestamp)
            if check.waitingForWorkers == true {
                let needed = report.confirmations.map { " (confirmations \($0))" } ?? ""
                lines.append("check \(check.id) is waiting for more workers: every live worker has confirmed its round\(needed); it runs again each interval until another worker joins")
            }
        }
        if let alerting = report.alerting {
            lines.append("alerting: \(alerting.isOK ? "ok" : "ERROR: " + alerting.summary)")
        }
        lines.append("")
        lines.append("undelivered notifications (\(report.undelivered.count)):")
        for note in report.undelivered {
            var line = "  \(note.eventId): check \(note.checkId) -> contact \(note.contactId), \(note.status), \(note.state), \(note.attempts) attempt(s)"
            if !note.lastError.isEmpty { line += ", last error: \(note.lastError)" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    private func seconds(_ milliseconds: Int64) -> String { String(format: "%.1fs", Double(milliseconds) / 1000) }

    private func timestamp(_ milliseconds: Int64) -> String {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000).formatted(.iso8601)
    }
}

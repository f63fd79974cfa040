import BearmonCore

extension PushMonitor {
    /// monitor-srv's `HealthChecks`: filtered by service and id, then by status (0: any),
    /// then the `offset`/`limit` window. An id asked for on its own that nothing has gives
    /// 404, as monitor-srv's NotFound.
    package func healthChecks(_ query: MonitorQuery) async throws -> MonitorAnswer.HealthChecks {
        let (rows, _) = try await rows(.healthCheck, query.selection)
        if query.service == nil, let id = query.id, rows.isEmpty, try await !exists(.healthCheck, id: id) {
            throw PushRefusal.notFound("no healthcheck with id '\(id)'")
        }
        return MonitorAnswer.HealthChecks(healthChecks: messages(rows, as: MonitorHealthCheck.self))
    }

    /// monitor-srv's `Stats`: one entry per node, filtered by service and node id, then
    /// windowed; a node id asked for on its own that nothing has gives 404.
    package func stats(_ query: MonitorQuery) async throws -> MonitorAnswer.Stats {
        var selection = query.selection
        selection.status = nil
        let (rows, _) = try await rows(.stats, selection)
        if query.service == nil, let id = query.id, rows.isEmpty, try await !exists(.stats, id: id) {
            throw PushRefusal.notFound("no stats from node '\(id)'")
        }
        return MonitorAnswer.Stats(stats: messages(rows, as: MonitorStats.self))
    }

    /// monitor-srv's `Status`. With a node id: that node's status, or 404. With `verbose`:
    /// one entry per node. Otherwise one per service name and version with the nodes
    /// merged, showing the status and info of the node heard from last. A status past its
    /// interval shows UNKNOWN, "Last update Ns ago", whether or not the reaper has run yet.
    package func status(_ query: MonitorQuery) async throws -> MonitorAnswer.Status {
        // Not windowed, as in monitor-srv: one row per node, bounded by [push] maxEntries.
        let (rows, now) = try await rows(.status, PushSelection(service: query.service, id: query.id))
        if let id = query.id, rows.isEmpty { throw PushRefusal.notFound("no status from node '\(id)'") }
        let perNode = rows.compactMap { row in message(row, as: MonitorStatus.self).map { current($0, row, now: now) } }
        if query.verbose || query.id != nil { return MonitorAnswer.Status(status: perNode.map(\.message)) }
        var merged: [ServiceKey: (status: MonitorStatus, newest: Int64)] = [:]
        for (message, receivedAt) in perNode {
            let key = ServiceKey(message.service)
            var entry = merged[key] ?? (MonitorStatus(service: key.service, status: nil, info: nil), Int64.min)
            if let sender = message.service?.sender { entry.status.service?.nodes?.append(sender) }
            if receivedAt > entry.newest {
                entry.status.status = message.status
                entry.status.info = message.info
                entry.newest = receivedAt
            }
            merged[key] = entry
        }
        return MonitorAnswer.Status(status: merged.sorted { $0.key < $1.key }.map(\.value.status))
    }

    /// monitor-srv's `Services`: every node heard from (by healthcheck, status or stats)
    /// grouped by service name and version, optionally of one service only.
    package func services(_ query: MonitorQuery) async throws -> MonitorAnswer.Services {
        var nodes: [ServiceKey: [String: (node: MonitorNode, receivedAt: Int64)]] = [:]
        for kind in PushKind.allCases {
            let (rows, _) = try await rows(kind, PushSelection(service: query.service))
            for row in rows {
                guard let service = message(row, as: ServiceOnly.self)?.service, let sender = service.sender else { continue }
                let key = ServiceKey(service)
                if let known = nodes[key]?[sender.id], known.receivedAt >= row.receivedAt { continue }
                nodes[key, default: [:]][sender.id] = (sender, row.receivedAt)
            }
        }
        let services = nodes.sorted { $0.key < $1.key }.map { key, members in
            var service = key.service
            service.nodes = members.values.map(\.node).sorted { $0.id < $1.id }
            return service
        }
        return MonitorAnswer.Services(services: services)
    }

    /// Whether anything of `kind` has key `id`: tells an empty window from an unknown id.
    private func exists(_ kind: PushKind, id: String) async throws -> Bool {
        try await !rows(kind, PushSelection(id: id, limit: 1)).rows.isEmpty
    }

    /// A status as it stands at `now`: the reaper's UNKNOWN from the row, or the same rule
    /// applied here when the reaper has not yet run.
    private func current(_ message: MonitorStatus, _ row: PushRow, now: Int64) -> (message: MonitorStatus, receivedAt: Int64) {
        var message = message
        message.status = row.status
        message.info = row.info
        if case .stale(let secondsAgo) = row.freshness(now: now) {
            message.status = 0
            message.info = PushFreshness.lastUpdate(secondsAgo: secondsAgo)
        }
        return (message, row.receivedAt)
    }

    /// Reads just the service out of any stored message.
    private struct ServiceOnly: Decodable {
        let service: MonitorService?
    }
}

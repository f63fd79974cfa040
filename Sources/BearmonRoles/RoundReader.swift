package import BearmonCore

/// Where checks stand in their rounds, for pages: from this node's controller when it acts,
/// else from the cluster's controller over the signed wire; nil ("unknown") when neither
/// answers, so a page never waits long on a dead controller.
package struct RoundReader: Sendable {
    let local: Controller
    let remote: (any ControllerLink)?
    /// How long a page waits for the cluster's controller before it says "unknown".
    let patience: Duration = .seconds(2)

    /// A reader that asks `local` first and then `remote` (a worker's link to the controller).
    init(local: Controller, remote: (any ControllerLink)?) {
        self.local = local
        self.remote = remote
    }

    /// The rounds of `ids` by id, or nil when no controller could be asked.
    package func rounds(_ ids: [Int64]) async -> [Int64: CheckRound]? {
        guard !ids.isEmpty else { return [:] }
        if let rounds = try? await local.rounds(ids) { return rounds }
        guard let remote, remote as AnyObject !== local as AnyObject else { return nil }
        return await withTaskGroup(of: [Int64: CheckRound]?.self) { group in
            group.addTask { try? await remote.rounds(ids) }
            group.addTask { [patience] in
                try? await Task.sleep(for: patience)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}

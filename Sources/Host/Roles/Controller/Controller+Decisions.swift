import Foundation

extension Controller {
    /// Acts on the state machine's decisions: flips are queued for the store (in order, so a
    /// check's offline is always written before its online), the rest are logged and, where
    /// an operator must act, sent to the admin once.
    func handle(_ decisions: [Decision]) {
        for decision in decisions {
            switch decision {
            case .flip(let id, let status, let message):
                guard let check = valid[id], let view else { continue }
                pendingFlips.append((FlipRequest(
                    flipID: UUID().uuidString.lowercased(), checkID: id, status: status, message: message, time: wallMilliseconds(),
                    checkName: check.row.name, checkType: check.row.type, maskedData: check.params.maskedJSON
                ), view))
                logger.notice("check \(id) (\(check.row.name)) is now \(status.rawValue)", metadata: ["message": "\(message)"])
                startFlipWriter()
            case .misconfigured(let id, let message):
                let name = valid[id]?.row.name ?? "?"
                admin.tell(key: "misconfigured-\(id)", about: "check \(id) (\(name))", status: "misconfigured",
                           message: "it failed \(settings.scheduler.failLimit) times in a row: \(message)")
            case .recovered(let id):
                admin.forget(key: "misconfigured-\(id)")
                logger.info("check \(id) produces results again")
            case .tooFewWorkers(let alive, let needed):
                admin.tell(key: "workers", about: "the cluster", status: "degraded",
                           message: "only \(alive) worker(s) alive but confirmations = \(needed): no check can flip until more workers return")
            case .enoughWorkers(let alive):
                admin.forget(key: "workers")
                logger.info("\(alive) workers alive again; checks can flip")
            }
        }
    }

    private func startFlipWriter() {
        guard !flipWriterRunning else { return }
        flipWriterRunning = true
        Task { await writeFlips() }
    }

    /// Writes queued flips one at a time, retrying while the store is unreachable. Each is
    /// written under the view it was decided in, and the fence alone judges it: a decision
    /// stays valid exactly as long as no newer controller has raised the fence. A fenced write
    /// means one has: this controller stops acting, and its queued decisions are dropped.
    private func writeFlips() async {
        var backoff: UInt64 = 100
        // For tests of fencing only: BEARMON_TEST_DELAY_FLIP_MS holds each flip back before
        // it is written, so that a test can move the fence in between.
        if let delay = ProcessInfo.processInfo.environment["BEARMON_TEST_DELAY_FLIP_MS"].flatMap(UInt64.init) {
            try? await Task.sleep(for: .milliseconds(delay))
        }
        while let (flip, view) = pendingFlips.first {
            do {
                let record = try await storeQueue.run { [store] in try store.recordFlip(flip, view: view) }
                pendingFlips.removeFirst()
                noteWritten(flip)
                backoff = 100
                logger.info("flip written", metadata: ["check": "\(flip.checkID)", "status": "\(flip.status.rawValue)", "notifications": "\(record.eventIDs.count)"])
                onFlipWritten()
            } catch let error as StoreError {
                if case .fenced = error {
                    logger.error("\(error); dropping \(pendingFlips.count) queued flip(s) and stepping down")
                    pendingFlips.removeAll()
                    if self.view == view { self.view = nil }
                    break
                }
                logger.warning("cannot write flip yet: \(error)")
                try? await Task.sleep(for: .milliseconds(backoff))
                backoff = min(backoff * 2, 5_000)
            } catch {
                logger.warning("cannot write flip yet: \(error)")
                try? await Task.sleep(for: .milliseconds(backoff))
                backoff = min(backoff * 2, 5_000)
            }
        }
        flipWriterRunning = false
    }
}

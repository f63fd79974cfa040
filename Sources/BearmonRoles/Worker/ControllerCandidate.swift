import BearmonCore
package import BearmonStore
package import BearmonWire
package import Logging

/// The controller half of a worker node. It acts as the controller only while it holds the
/// current view's lease: granted and renewed by the viewserver's pings, and fenced in the
/// database, which it raises to the view's number before acting. When the lease is not
/// renewed in time, it stops before the lease ends.
package actor ControllerCandidate {
    /// This node's name.
    package let node: String
    /// Its controller address as the viewserver last named it (workers reach it there).
    var address: String
    let controller: Controller
    let store: any Store
    let storeQueue = BlockingExecutor(label: "bearmon.candidate.store")
    let logger: Logger
    let margin: Duration
    let started = monotonicMilliseconds()
    /// The highest view number seen, from pings or from the database.
    var highestView: Int64 = 0
    /// The view held, and when (monotonic) the candidate must stop acting under it.
    var lease: (view: Int64, until: Int64)?
    /// When (monotonic) the last ping arrived, and the lease length it carried.
    var lastPing: (at: Int64, leaseMs: Int64)?
    /// Whether the lease is being kept through the database fence (pings are missing).
    var renewingThroughFence = false

    /// A candidate that drives `controller` over `store`.
    package init(node: String, address: String, controller: Controller, store: any Store, margin: Duration = .milliseconds(200), logger: Logger) {
        self.node = node
        self.address = address
        self.controller = controller
        self.store = store
        self.margin = margin
        self.logger = logger
    }

    /// The view held right now, or nil once the lease has run out.
    package var heldView: Int64? {
        guard let lease, monotonicMilliseconds() < lease.until else { return nil }
        return lease.view
    }

    /// Handles the viewserver's ping: takes or renews a grant made to this node, steps down
    /// when the grant has gone elsewhere, and reports what it knows.
    package func ping(_ request: PingRequest) async -> PingReply {
        let received = monotonicMilliseconds()
        lastPing = (received, request.leaseMs)
        if renewingThroughFence {
            logger.notice("the viewserver is back")
            renewingThroughFence = false
        }
        highestView = max(highestView, request.view)
        address = request.you
        if request.controller == request.you, request.view > 0 {
            await accept(view: request.view, until: received + request.leaseMs - margin.inMilliseconds)
        } else if let lease, request.view >= lease.view {
            logger.notice("view \(request.view) belongs to \(request.controller.isEmpty ? "nobody" : request.controller) now; stepping down from view \(lease.view)")
            await stepDown()
        }
        return PingReply(node: node, address: address, uptimeMs: monotonicMilliseconds() - started, highestView: highestView, holding: heldView)
    }

    private func accept(view: Int64, until: Int64) async {
        if let lease, lease.view == view {
            self.lease = (view, max(lease.until, until))
            return
        }
        // A new grant: raise the fence first, so that no older controller can write after
        // this one starts; a database already past this view means the grant is stale. The
        // lease is recorded before the (slow) database work, so that a ping arriving
        // meanwhile renews it instead of starting a second takeover.
        lease = (view, until)
        do {
            let store = self.store
            let fence = try await storeQueue.run {
                _ = try store.raiseView(to: view, holder: self.node)
                return try store.view()
            }
            highestView = max(highestView, fence.number)
            guard fence.number == view, fence.holder == node else {
                logger.warning("not taking view \(view): the database is at view \(fence.number) held by \(fence.holder)")
                lease = nil
                return
            }
            try await controller.takeView(view)
            logger.notice("acting as the controller under view \(view)")
        } catch {
            lease = nil
            await controller.relinquish()
            logger.error("cannot take view \(view): \(error)")
        }
    }

    /// Stops acting when the lease runs out unrenewed; runs until cancelled.
    ///
    /// When pings stop arriving (the viewserver is down, or cut off from this node), the lease
    /// is renewed only through the database: the fence must still hold this node's view. A
    /// viewserver that is alive grants a new view only after this lease has run out, and the
    /// new controller raises the fence before it acts, so from then on this node cannot renew,
    /// and everything it still writes is refused by the fence.
    package func watchLease() async {
        while !Task.isCancelled {
            if let lease, let lastPing {
                let now = monotonicMilliseconds()
                if now - lastPing.at > lastPing.leaseMs / 2, lease.until - now < lastPing.leaseMs / 2 {
                    await renewThroughFence(lease.view, leaseMs: lastPing.leaseMs)
                }
                if let current = self.lease, monotonicMilliseconds() >= current.until {
                    logger.warning("the lease on view \(current.view) ran out without renewal; no longer acting as the controller")
                    await stepDown()
                }
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    private func renewThroughFence(_ view: Int64, leaseMs: Int64) async {
        let asked = monotonicMilliseconds()
        let store = self.store
        guard let fence = try? await storeQueue.run({ try store.view() }) else { return }
        highestView = max(highestView, fence.number)
        guard let lease, lease.view == view, fence.number == view, fence.holder == node else { return }
        if !renewingThroughFence {
            logger.warning("no ping from the viewserver for \(asked - (lastPing?.at ?? asked)) ms; keeping view \(view) while the database fence still holds it")
            renewingThroughFence = true
        }
        self.lease = (view, max(lease.until, asked + leaseMs - margin.inMilliseconds))
    }

    private func stepDown() async {
        lease = nil
        renewingThroughFence = false
        await controller.relinquish()
    }

    /// Learns the database's view at start, so that replies to the viewserver carry it.
    package func learnStoredView() async {
        let store = self.store
        if let row = try? await storeQueue.run({ try store.view() }) { highestView = max(highestView, row.number) }
    }
}

import Synchronization

/// The memory a node lends to signed-request bodies it is reading before their MAC can be
/// checked. Anyone can send well-formed signature headers, so without a bound a few hundred
/// such requests, each declaring a 4 MiB body, would hold gigabytes until their deadline.
/// Small bodies (pings, most exchanges) draw nothing and so are never held up by large ones;
/// larger bodies share ``total`` bytes, reserved at their declared length.
final class UnverifiedBodyBudget: Sendable {
    /// Bodies up to this many bytes are read without drawing on the budget.
    let small: Int
    /// The bytes larger bodies may hold at once, across the node.
    let total: Int
    private let used = Mutex(0)

    /// A budget of `total` bytes for bodies over `small` bytes.
    init(small: Int = 64 << 10, total: Int = 64 << 20) {
        self.small = small
        self.total = total
    }

    /// What a body of `declared` bytes (nil: not declared, so up to `cap`) must reserve.
    func cost(declared: Int?, cap: Int) -> Int {
        let bytes = min(declared ?? cap, cap)
        return bytes <= small ? 0 : bytes
    }

    /// Reserves `bytes`; false when the budget cannot hold them now.
    func reserve(_ bytes: Int) -> Bool {
        guard bytes > 0 else { return true }
        return used.withLock { used in
            guard used + bytes <= total else { return false }
            used += bytes
            return true
        }
    }

    /// Gives back what ``reserve(_:)`` took.
    func release(_ bytes: Int) {
        guard bytes > 0 else { return }
        used.withLock { $0 -= bytes }
    }
}

import BearmonSystem

/// A binary min-heap of watchdog entries, earliest deadline first.
struct DeadlineHeap {
    private var items: [DeadlineWatchdog.Entry] = []

    /// The entry due first, or nil when the heap is empty.
    var first: DeadlineWatchdog.Entry? { items.first }

    /// How many entries are waiting.
    var count: Int { items.count }

    mutating func insert(_ entry: DeadlineWatchdog.Entry) {
        items.append(entry)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].deadline < items[parent].deadline else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the entry due first.
    mutating func removeFirst() -> DeadlineWatchdog.Entry? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let first = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < items.count, items[left].deadline < items[smallest].deadline { smallest = left }
            if right < items.count, items[right].deadline < items[smallest].deadline { smallest = right }
            guard smallest != parent else { return first }
            items.swapAt(parent, smallest)
            parent = smallest
        }
    }
}

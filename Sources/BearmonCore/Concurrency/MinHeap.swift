/// A binary min-heap: the smallest element first. Used for "what is due next": the
/// controller's checks and the plugin calls' deadlines. Inlinable, so that users in other
/// modules get it specialized for their element type instead of moving every element
/// through the generic value witnesses.
public struct MinHeap<Element: Comparable> {
    @usableFromInline var items: [Element] = []

    /// An empty heap.
    @inlinable public init() {}

    /// The smallest element, or nil when empty.
    @inlinable public var first: Element? { items.first }

    /// How many elements it holds.
    @inlinable public var count: Int { items.count }

    /// Adds `element`.
    @inlinable public mutating func insert(_ element: Element) {
        items.append(element)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the smallest element.
    @discardableResult
    @inlinable public mutating func removeFirst() -> Element? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let first = items.removeLast()
        siftDown(from: 0)
        return first
    }

    /// Keeps only the elements `isKept` accepts, in storage sized for them, in heap order
    /// again: O(n). For users that leave stale elements in the heap instead of finding them.
    @inlinable public mutating func retain(where isKept: (Element) -> Bool) {
        items = items.filter(isKept)
        for index in stride(from: items.count / 2 - 1, through: 0, by: -1) { siftDown(from: index) }
    }

    /// Moves the element at `index` down until neither child is smaller.
    @inlinable mutating func siftDown(from index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < items.count, items[left] < items[smallest] { smallest = left }
            if right < items.count, items[right] < items[smallest] { smallest = right }
            guard smallest != parent else { return }
            items.swapAt(parent, smallest)
            parent = smallest
        }
    }
}

extension MinHeap: Sendable where Element: Sendable {}

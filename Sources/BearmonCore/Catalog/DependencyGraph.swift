/// Checks' dependencies (child → parents, issue 22), judged before they are stored: no check
/// may depend on itself, and no chain of parents may come back to where it started.
package struct DependencyGraph: Sendable, Equatable {
    /// The most parents one check may have: a child behind more is better served by a tag.
    package static let maxParents = 32

    /// Parents by child id.
    package var parents: [Int64: [Int64]]

    /// A graph from its edges.
    package init(parents: [Int64: [Int64]]) {
        self.parents = parents
    }

    /// A cycle, as the ids along it from a check back to itself ([3, 7, 3]), or nil when none.
    /// The search is iterative, so that a long chain cannot exhaust the stack.
    package func cycle() -> [Int64]? {
        enum Mark { case visiting, done }
        var marks: [Int64: Mark] = [:]
        for start in parents.keys.sorted() where marks[start] == nil {
            // Each frame: a node and the index of the next parent to visit.
            var stack: [(node: Int64, next: Int)] = [(start, 0)]
            marks[start] = .visiting
            while let top = stack.last {
                let next = parents[top.node]?.sorted() ?? []
                guard top.next < next.count else {
                    marks[top.node] = .done
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let parent = next[top.next]
                switch marks[parent] {
                case .visiting:
                    let path = stack.map(\.node)
                    let from = path.firstIndex(of: parent) ?? 0
                    return Array(path[from...]) + [parent]
                case .done:
                    continue
                case nil:
                    marks[parent] = .visiting
                    stack.append((parent, 0))
                }
            }
        }
        return nil
    }

    /// "check 3 → check 7 → check 3".
    package static func describe(_ cycle: [Int64]) -> String {
        cycle.map { "check \($0)" }.joined(separator: " → ")
    }
}

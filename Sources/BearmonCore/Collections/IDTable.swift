/// Values by check id, kept in one contiguous array with a small index beside it. A
/// `Dictionary` stores each value in its hash table, whose buckets are a power of two at most
/// three quarters full: 100,000 scheduler entries of 300 bytes took 80 MiB in 262,144 buckets.
/// Here the values take `count` slots and the index 12 bytes a bucket. Removing moves the
/// last value into the hole, so the order of `values` is not the order of insertion.
/// Inlinable, so that it is specialized for its value type where it is used.
public struct IDTable<Value>: Sequence {
    @usableFromInline var storedValues: ContiguousArray<Value> = []
    @usableFromInline var storedKeys: ContiguousArray<Int64> = []
    @usableFromInline var positions: [Int64: Int32] = [:]

    /// An empty table.
    @inlinable public init() {}

    /// The values, in no particular order.
    @inlinable public var values: ContiguousArray<Value> { storedValues }

    /// The id of each value, at the same position as in `values`.
    @inlinable public var keys: ContiguousArray<Int64> { storedKeys }

    /// How many values it holds.
    @inlinable public var count: Int { storedValues.count }

    /// Whether it holds none.
    @inlinable public var isEmpty: Bool { storedValues.isEmpty }

    /// The value for `id`; setting nil removes it.
    @inlinable public subscript(id: Int64) -> Value? {
        get { positions[id].map { storedValues[Int($0)] } }
        set {
            if let newValue {
                if let position = positions[id] {
                    storedValues[Int(position)] = newValue
                } else {
                    precondition(storedValues.count < Int(Int32.max), "an IDTable holds fewer than 2^31 values")
                    positions[id] = Int32(storedValues.count)
                    storedValues.append(newValue)
                    storedKeys.append(id)
                }
            } else if let position = positions.removeValue(forKey: id).map(Int.init) {
                let last = storedValues.count - 1
                if position != last {
                    storedValues.swapAt(position, last)
                    storedKeys.swapAt(position, last)
                    positions[storedKeys[position]] = Int32(position)
                }
                storedValues.removeLast()
                storedKeys.removeLast()
            }
        }
    }

    /// Whether it holds a value for `id`.
    @inlinable public func contains(_ id: Int64) -> Bool { positions[id] != nil }

    /// Runs `body` on the value for `id` in place, without copying it out and back; nil when
    /// there is none.
    @inlinable public mutating func update<Result>(_ id: Int64, _ body: (inout Value) throws -> Result) rethrows -> Result? {
        guard let position = positions[id] else { return nil }
        return try body(&storedValues[Int(position)])
    }

    /// What `body` reads from the value for `id`, without copying the value out; nil when
    /// there is none.
    @inlinable public func read<Result>(_ id: Int64, _ body: (Value) -> Result) -> Result? {
        guard let position = positions[id] else { return nil }
        return body(storedValues[Int(position)])
    }

    /// Makes room for `capacity` values without growing again.
    @inlinable public mutating func reserveCapacity(_ capacity: Int) {
        storedValues.reserveCapacity(capacity)
        storedKeys.reserveCapacity(capacity)
        positions.reserveCapacity(capacity)
    }

    /// Each id with its value, in the order of `values`.
    @inlinable public func makeIterator() -> Zip2Sequence<ContiguousArray<Int64>, ContiguousArray<Value>>.Iterator {
        zip(storedKeys, storedValues).makeIterator()
    }
}

extension IDTable: Sendable where Value: Sendable {}

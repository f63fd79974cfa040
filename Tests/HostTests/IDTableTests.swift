import BearmonCore
import Testing

/// The scheduler's and the catalog's table by check id, against a `Dictionary` doing the same.
@Suite("IDTable: values by id in one array")
struct IDTableTests {
    @Test("inserts, replaces and removes (first, middle, last, absent) like a dictionary")
    func basics() {
        var table = IDTable<String>()
        #expect(table.isEmpty && table[1] == nil && !table.contains(1))
        for id in Int64(1)...5 { table[id] = "v\(id)" }
        table[3] = "three"
        #expect(table.count == 5 && table[3] == "three")
        table[1] = nil
        table[5] = nil
        table[42] = nil
        #expect(table.count == 3)
        #expect(Set(table.keys) == [2, 3, 4] && table[1] == nil && table[5] == nil)
        #expect(Dictionary(uniqueKeysWithValues: Array(table)) == [2: "v2", 3: "three", 4: "v4"])
        #expect(table.update(4) { value -> Int in
            value += "!"
            return value.count
        } == 3)
        #expect(table[4] == "v4!" && table.update(99) { _ in 1 } == nil)
        for id in Array(table.keys) { table[id] = nil }
        #expect(table.isEmpty && table.keys.isEmpty && table.values.isEmpty)
        table[Int64.min] = "min"
        table[Int64.max] = "max"
        #expect(table[Int64.min] == "min" && table[Int64.max] == "max" && table.count == 2)
    }

    @Test("20,000 random operations leave it equal to a dictionary given the same ones")
    func randomAgainstDictionary() {
        var generator = SplitMix64(seed: 26)
        var table = IDTable<Int>()
        var model: [Int64: Int] = [:]
        for step in 0..<20_000 {
            let id = Int64(generator.next() % 500) - 250
            switch generator.next() % 4 {
            case 0: table[id] = nil; model[id] = nil
            case 1: _ = table.update(id) { $0 += 1 }; model[id]? += 1
            default: table[id] = step; model[id] = step
            }
            if step % 997 == 0 {
                #expect(Dictionary(uniqueKeysWithValues: Array(table)) == model, "after step \(step)")
            }
        }
        #expect(Dictionary(uniqueKeysWithValues: Array(table)) == model)
        #expect(table.count == model.count && table.keys.count == table.values.count)
        for id in Int64(-260)...260 { #expect(table[id] == model[id] && table.contains(id) == (model[id] != nil)) }
    }
}

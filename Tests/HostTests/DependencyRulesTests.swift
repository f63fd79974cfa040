import BearmonConfig
import Foundation
import Testing
@testable import BearmonCore
@testable import BearmonRoles
@testable import BearmonStore

/// Issue 22's pure rules (dependencies, flapping, cycles) with hand-computed values, and the
/// store and config boundaries they guard, fed hostile input.
@Suite("dependency and flapping rules")
struct DependencyRulesTests {
    static func parent(_ id: Int64, _ status: CheckStatus, interval: Int64 = 60, confirmedAt: Int64 = 0) -> DependencyRule.Parent {
        DependencyRule.Parent(id: id, name: "p\(id)", intervalSeconds: interval, status: status, confirmedAt: confirmedAt)
    }

    @Test("a child's offline: sent without parents, suppressed behind an offline parent, else held for 2 × the longest interval + 30 s, at most 5 min")
    func atFlip() {
        #expect(DependencyRule.atFlip(parents: [], time: 1_000) == .send)
        let down = Self.parent(4, .offline)
        #expect(DependencyRule.atFlip(parents: [Self.parent(3, .online), down], time: 1_000) == .suppress(parent: down))
        let router = Self.parent(3, .online, interval: 10)
        #expect(DependencyRule.atFlip(parents: [Self.parent(5, .online, interval: 1), router], time: 1_000) == .hold(parent: router, deadline: 1_000 + 50_000))
        // 2 × 600 s + 30 s is over the cap.
        let slow = Self.parent(3, .online, interval: 600)
        #expect(DependencyRule.atFlip(parents: [slow], time: 1_000) == .hold(parent: slow, deadline: 1_000 + 300_000))
    }

    @Test("release: suppress behind an offline parent, send once every parent is confirmed online after the hold began or at the deadline, else wait")
    func atRelease() {
        let early = Self.parent(3, .online, confirmedAt: 900)
        #expect(DependencyRule.atRelease(parents: [early], heldSince: 1_000, deadline: 5_000, now: 2_000) == .hold(parent: early, deadline: 5_000))
        #expect(DependencyRule.atRelease(parents: [early], heldSince: 1_000, deadline: 5_000, now: 5_000) == .send)
        #expect(DependencyRule.atRelease(parents: [Self.parent(3, .online, confirmedAt: 1_200)], heldSince: 1_000, deadline: 5_000, now: 2_000) == .send)
        let down = Self.parent(3, .offline, confirmedAt: 1_200)
        #expect(DependencyRule.atRelease(parents: [down], heldSince: 1_000, deadline: 5_000, now: 9_000) == .suppress(parent: down))
        #expect(DependencyRule.reachable(parents: [Self.parent(3, .online)]) && !DependencyRule.reachable(parents: [down]))
        #expect(HoldReason.dependency(parent: 3, name: "router").description == "dependency on parent 3 (router)")
    }

    @Test("Icinga's weights: 0.8 for the oldest of 20 transition slots up to 1.18 for the newest; share = weighted changes / 20")
    func flappingShare() {
        let up = [CheckStatus](repeating: .online, count: 21)
        #expect(FlappingRule.share(up) == 0)
        #expect(FlappingRule.share([]) == 0 && FlappingRule.share([.offline]) == 0)
        // One change in the newest slot: 1.18 / 20.
        #expect(abs(FlappingRule.share(Array(up.prefix(20)) + [.offline]) - 0.059) < 1e-9)
        // One change in the oldest slot: 0.8 / 20.
        #expect(abs(FlappingRule.share([.online] + [CheckStatus](repeating: .offline, count: 20)) - 0.04) < 1e-9)
        // With only two states the change is still the newest: 1.18 / 20.
        #expect(abs(FlappingRule.share([.online, .offline]) - 0.059) < 1e-9)
        // Every state changes: (16 + 0.02 × 190) / 20 = 0.99.
        let alternating = (0..<21).map { $0 % 2 == 0 ? CheckStatus.online : .offline }
        #expect(abs(FlappingRule.share(alternating) - 0.99) < 1e-9)
        // Changing every second state: slots 1, 3, …, 19 → (8 + 0.02 × 100) / 20 = 0.5.
        let everyTwo = (0..<21).map { ($0 / 2) % 2 == 0 ? CheckStatus.online : .offline }
        #expect(abs(FlappingRule.share(everyTwo) - 0.5) < 1e-9)
        // Only the last 21 count.
        #expect(FlappingRule.share(alternating + up) == FlappingRule.share(up.suffix(21)) + 0)
        #expect(FlappingRule.encode(alternating + alternating).count == 21)
        #expect(FlappingRule.decode("udx?u") == [.online, .offline, .online])
    }

    @Test("flapping starts above the threshold, ends below 80% of it; 0 is off and ends it")
    func flappingChange() {
        #expect(FlappingRule.change(share: 0.31, flapping: false, threshold: 0.3) == .started)
        #expect(FlappingRule.change(share: 0.30, flapping: false, threshold: 0.3) == nil)
        #expect(FlappingRule.change(share: 0.25, flapping: true, threshold: 0.3) == nil)
        #expect(FlappingRule.change(share: 0.23, flapping: true, threshold: 0.3) == .ended)
        #expect(FlappingRule.change(share: 0.9, flapping: false, threshold: 0) == nil)
        #expect(FlappingRule.change(share: 0.9, flapping: true, threshold: 0) == .ended)
    }

    @Test("cycles are found and named, self-loops too; a chain of 100,000 checks is judged without exhausting the stack")
    func cycles() {
        #expect(DependencyGraph(parents: [7: [3], 3: [1]]).cycle() == nil)
        #expect(DependencyGraph(parents: [7: [3], 3: [7]]).cycle() == [3, 7, 3])
        #expect(DependencyGraph(parents: [1: [2], 2: [3], 3: [1], 9: [1]]).cycle() == [1, 2, 3, 1])
        #expect(DependencyGraph(parents: [5: [5]]).cycle() == [5, 5])
        #expect(DependencyGraph.describe([3, 7, 3]) == "check 3 → check 7 → check 3")
        var chain: [Int64: [Int64]] = [:]
        for id in Int64(1)..<100_000 { chain[id] = [id + 1] }
        #expect(DependencyGraph(parents: chain).cycle() == nil)
        chain[100_000] = [1]
        #expect(DependencyGraph(parents: chain).cycle()?.count == 100_001)
    }

    @Test("the store refuses a cycle naming it, self-dependency, unknown, huge and negative parents and too many; deleting a parent removes its edges")
    func storeBoundaries() throws {
        let store = SQLStore(database: try SQLiteDatabase(path: ":memory:"))
        try store.migrate()
        var ids: [Int64] = []
        for name in ["router", "web", "db"] {
            ids.append(try store.addCheck(NewCheck(name: name, type: "http", data: "{}", interval: 60, delay: 0)))
        }
        let (router, web, db) = (ids[0], ids[1], ids[2])
        try store.applyCatalog([.setDependencies(check: .id(web), parents: [.id(router)]), .setDependencies(check: .id(db), parents: [.id(web)])], quiet: true)
        #expect(try store.dependencies() == [web: [router], db: [web]])
        func refusal(_ change: CatalogChange) -> String {
            do { try store.applyCatalog([change], quiet: true); return "" } catch { return "\(error)" }
        }
        #expect(refusal(.setDependencies(check: .id(router), parents: [.id(db)])).contains("check \(router) → check \(db) → check \(web) → check \(router)"))
        #expect(refusal(.setDependencies(check: .id(web), parents: [.id(web)])).contains("cannot depend on itself"))
        #expect(refusal(.setDependencies(check: .id(web), parents: [.id(999)])).contains("check 999: it does not exist"))
        #expect(refusal(.setDependencies(check: .id(web), parents: [.id(Int64.max)])).contains("does not exist"))
        #expect(refusal(.setDependencies(check: .id(web), parents: [.id(-3)])).contains("does not exist"))
        #expect(refusal(.setDependencies(check: .id(web), parents: (1...1_000).map { .id(Int64($0)) })).contains("at most 32 parents"))
        // Nothing refused changed anything.
        #expect(try store.dependencies() == [web: [router], db: [web]])
        // Clearing, then deleting a parent.
        try store.applyCatalog([.setDependencies(check: .id(db), parents: [])], quiet: true)
        #expect(try store.dependencies() == [web: [router]])
        try store.removeCheck(router)
        #expect(try store.dependencies().isEmpty)
    }

    @Test("[alerting] flapping: a ratio 0…1, off by default; out of range or not a number is refused at its line")
    func flappingConfig() throws {
        #expect(try ControllerSettings.from(Config(), node: "n", standalone: true).flapping == 0)
        let set = try GcfgParser(file: "f.cfg").parse("[alerting]\nflapping = 0.3\n")
        #expect(try ControllerSettings.from(set, node: "n", standalone: true).flapping == 0.3)
        for bad in ["1.5", "-0.1", "abc", "nan", "inf", "0.3.1", "0,3"] {
            let config = try GcfgParser(file: "f.cfg").parse("[alerting]\n\nflapping = \(bad)\n")
            do {
                _ = try ControllerSettings.from(config, node: "n", standalone: true)
                Issue.record("flapping = \(bad) was accepted")
            } catch {
                #expect(error.line == 3 && "\(error)".contains("[alerting] flapping: must be a ratio from 0 (off) to 1"), "\(error)")
            }
        }
    }
}

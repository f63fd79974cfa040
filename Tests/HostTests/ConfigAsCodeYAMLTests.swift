import Foundation
import Testing
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonPlugins
@testable import BearmonStore
import Yams

/// The YAML edges of config as code: where the alias scan finds aliases and where it must
/// not, how scalars are typed, and strings that export must quote to read back the same.
@Suite("config as code YAML")
struct ConfigAsCodeYAMLTests {
    @Test("the alias scan finds every alias, and no `*` inside text, quotes, comments or block scalars")
    func aliasScan() {
        let aliases: [(String, Int)] = [
            ("a: *x\n", 1), ("a:\n  - *x\n", 2), ("a: [b, *x]\n", 1), ("a: {b: *x}\n", 1), ("a: [b,*x]\n", 1),
            ("? *x\n: y\n", 1), ("*x : y\n", 1), ("a: &b *x\n", 1), ("a: \"q\"\nb:\n  *x : 1\n", 3),
            ("a: [\n  b,\n  *x\n]\n", 3), ("a: 'it''s'\nb: *x\n", 2), ("a: \"x\\\"y\"\nb: *x\n", 2),
            ("a: |\n  *text\nb: *x\n", 3), ("--- *x\n", 1), ("a: - *x\n", 1), ("a: {\"b\":*x}\n", 1), ("a: [\"b\":*x]\n", 1), ("...\n--- *x\n", 2),
        ]
        for (text, line) in aliases { #expect(YAMLAliasScan.firstAlias(in: text) == line, "\(text)") }
        let clean = [
            "a: b*c\n", "a: x *y\n", "a: \"*x\"\n", "a: '*x'\n", "a: b # *x\n", "# *x\n", "a: |\n  *x\n  - *y\nb: c\n",
            "a: >\n   *x\n\n   *y\n", "a: \"multi\n  *x line\"\n", "a: 'multi\n  *x'\n", "a: [\"*x\", '*y']\n", "a: {b: \"*x\"}\n",
            "url: http://x/*y\n", "a: x, *y\n", "&anchor a: b\n", "a: -*x\n", "a: [b*x]\n", "---\na: b*\n",
        ]
        for text in clean { #expect(YAMLAliasScan.firstAlias(in: text) == nil, "\(text)") }
    }

    @Test("on random YAML, the alias scan finds every alias that Yams resolves")
    func aliasScanAgainstYams() {
        let tokens = ["*a", "&a ", "a", "b c", ": ", ":", "- ", "-", "? ", ",", "[", "]", "{", "}", "'", "\"", "''", "\\\"", "#", " #", "|", ">",
                      "\n", "\n  ", "\n    ", " ", "---", "...", "!t ", "*", "x*a"]
        var generator = SplitMix64(seed: 19)
        var aliased = 0
        for _ in 0..<20_000 {
            let count = Int(generator.next() % 14) + 1
            let text = (0..<count).map { _ in tokens[Int(generator.next() % UInt64(tokens.count))] }.joined()
            let sawAlias: Bool
            do {
                guard let root = try Yams.compose(yaml: text) else { continue }
                var seen: Set<String> = []
                sawAlias = Self.repeatsAnchor(root, seen: &seen)
            } catch let error as YamlError {
                guard case .composer(_, let problem, _, _) = error, problem.contains("undefined alias") else { continue }
                sawAlias = true
            } catch {
                continue
            }
            if sawAlias {
                aliased += 1
                #expect(YAMLAliasScan.firstAlias(in: text) != nil, "missed an alias in \(text.debugDescription)")
            }
        }
        #expect(aliased > 100, "the generator made too few aliases to test (\(aliased))")
    }

    /// Whether a node with an anchor appears twice: once where it is defined, again where an alias used it.
    private static func repeatsAnchor(_ node: Node, seen: inout Set<String>) -> Bool {
        if let anchor = node.anchor, !seen.insert(anchor.rawValue).inserted { return true }
        switch node {
        case .mapping(let mapping): return mapping.contains { repeatsAnchor($0.key, seen: &seen) || repeatsAnchor($0.value, seen: &seen) }
        case .sequence(let sequence): return sequence.contains { repeatsAnchor($0, seen: &seen) }
        case .scalar, .alias: return false
        }
    }

    @Test("scalars follow YAML 1.2's core schema")
    func coreSchema() {
        let cases: [(String, CoreSchema.Resolution)] = [
            ("", .value(.null)), ("~", .value(.null)), ("null", .value(.null)), ("true", .value(.bool(true))), ("False", .value(.bool(false))),
            ("yes", .value(.string("yes"))), ("no", .value(.string("no"))), ("on", .value(.string("on"))),
            ("42", .value(.int(42))), ("-7", .value(.int(-7))), ("+3", .value(.int(3))), ("0x1F", .value(.int(31))), ("0o17", .value(.int(15))),
            ("9223372036854775807", .value(.int(.max))), ("9223372036854775808", .outOfRange), ("-9223372036854775809", .outOfRange),
            ("1.5", .value(.double(1.5))), ("1e3", .value(.double(1000))), (".5", .value(.double(0.5))), ("1e999", .outOfRange),
            (".inf", .outOfRange), (".nan", .outOfRange), ("1_000", .value(.string("1_000"))), ("12:30", .value(.string("12:30"))),
            ("2026-11-29", .value(.string("2026-11-29"))), ("0x", .value(.string("0x"))), ("1e", .value(.string("1e"))), ("-", .value(.string("-"))),
        ]
        for (text, expected) in cases { #expect(CoreSchema.resolve(text) == expected, "\(text)") }
    }

    @Test("export quotes what would read as something else, and every string reads back the same", arguments: StoreBackend.allCases)
    func awkwardStrings(backend: StoreBackend) throws {
        let (store, keep) = try backend.makeStore()
        defer { withExtendedLifetime(keep) {} }
        let catalog = ConfigAsCode(store: store, host: ConfigAsCodeTests.host)
        let awkward = ["yes", "no", "on", "off", "y", "n", "123", "-1", "1.5", "1e3", "0x10", "null", "~", "", " ", "true", "False", "2026-11-29",
                       "12:30", "*x", "&a", "!tag", "- x", "? x", ": x", "# x", "x # y", "x: y", "[a]", "{a: b}", "'q'", "\"dq\"", "tab\there",
                       "trailing ", " leading", "accent é", "back\\slash", "%percent", "@at", "`tick", "|pipe", ">gt", "<<", "=", "---", "...",
                       String(repeating: "long ", count: 60)]
        var headers: [String: JSONValue] = [:]
        for (index, text) in awkward.enumerated() { headers["h\(index)"] = .string(text) }
        let body = JSONValue.string("line one\n  *two: three\n# four\n\ttab 'q' \"dq\" \\ end ")
        let data = JSONValue.object(["url": .string("https://x.example/"), "headers": .object(headers), "body": body]).jsonText
        let name = "check: with # odd * name\\"
        try store.applyCatalog([.addCheck(key: "c", NewCheck(name: name, type: "http", data: data), tags: ["yes", "123", "a:b"], isPublic: false),
                                .addContact(key: "k", type: "sms", data: "+15551234567", name: "no")])
        let exported = try catalog.export(withSecrets: true)
        let document = try CatalogDocument.parse(Array(exported.utf8), file: "export.yaml")
        #expect(document.checks.map(\.name) == [name])
        #expect(document.checks.first?.data == JSONValue.object(["url": .string("https://x.example/"), "headers": .object(headers), "body": body]), "\(exported)")
        #expect(document.checks.first?.tags == ["123", "a:b", "yes"])
        #expect(document.contacts.first?.data == .text("+15551234567"))
        #expect(try catalog.plan(Array(exported.utf8), file: "export.yaml", prune: true).isEmpty)
        #expect(exported.contains("\"yes\"") && exported.contains("\"123\"") && exported.contains("\"+15551234567\""), "\(exported)")
    }
}

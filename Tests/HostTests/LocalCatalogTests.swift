@testable import BearmonCore
@testable import BearmonManagement
@testable import BearmonPlugins
@testable import BearmonStore
import BearmonSystem
import Foundation
import Testing

/// The store-backed management service that the CLI, the REST API and config as code share:
/// validation with messages that name the field, masking, merge patches where a mask means
/// "unchanged", conflicts, signed cursors, and nothing half-written. On both backends.
@Suite(.serialized) struct LocalCatalogTests {
    private func catalog(_ backend: StoreBackend) throws -> (LocalCatalog, SQLStore, AnyObject) {
        let (store, keep) = try backend.makeStore()
        return (LocalCatalog(store: store, host: ProductChecks().host), store, keep)
    }

    private func json(_ text: String) throws -> JSONValue { try JSONValue.parse(text) }

    private func refusal(_ body: () throws -> Void) -> CatalogError? {
        do { try body() } catch let error as CatalogError { return error } catch { Issue.record("not a CatalogError: \(error)") }
        return nil
    }

    @Test(arguments: StoreBackend.allCases)
    func checkLifecycleMasksAndKeepsSecrets(_ backend: StoreBackend) throws {
        let (catalog, store, keep) = try catalog(backend)
        defer { withExtendedLifetime(keep) {} }
        let created = try catalog.createCheck(try json(#"{"name":"web","type":"http","data":{"url":"http://127.0.0.1:9/","password":"hunter2"},"tags":["eu","db","eu"],"public":true}"#))
        #expect(created.tags == ["db", "eu"])
        #expect(created.public)
        #expect(created.interval == 60 && created.delay == 1 && created.enabled)
        guard case .object(let shown) = created.data else { Issue.record("data is not an object"); return }
        #expect(shown["password"] == .string(SecretMask.mask))
        #expect(!CatalogJSON.encoder.encodeText(created).contains("hunter2"))

        // The shown resource sent back with a new name keeps the stored password.
        let renamed = try catalog.updateCheck(created.id, patch: try json(#"{"name":"web2","data":{"password":"********"}}"#))
        #expect(renamed.name == "web2")
        #expect(try store.checkRow(created.id)?.data.contains("hunter2") == true)
        // A mask where the shown value had none would store the mask as the secret: refused.
        let stray = refusal { _ = try catalog.updateCheck(created.id, patch: try json(#"{"data":{"url":"http://u:********@127.0.0.1:9/"}}"#)) }
        #expect(stray?.message.contains("where no stored secret matches") == true, "\(stray?.message ?? "accepted")")
        #expect(try store.checkRow(created.id)?.data.contains(SecretMask.mask) == false)
        // null removes a tag list; public flips off.
        let untagged = try catalog.updateCheck(created.id, patch: try json(#"{"tags":null,"public":false}"#))
        #expect(untagged.tags.isEmpty && !untagged.public)
        #expect(try store.checkTags()[created.id] == nil)

        try catalog.deleteCheck(created.id)
        #expect(refusal { _ = try catalog.check(created.id) }?.kind == .notFound)
        #expect(try store.publicCheckIDs().isEmpty)
    }

    @Test(arguments: StoreBackend.allCases)
    func badChecksAreRefusedNamingTheFieldAndNothingIsWritten(_ backend: StoreBackend) throws {
        let (catalog, store, keep) = try catalog(backend)
        defer { withExtendedLifetime(keep) {} }
        let cases: [(String, String)] = [
            (#"[]"#, "must be a JSON object"),
            (#"{"name":"a","type":"tcp","data":{"address":"127.0.0.1:1"},"colour":"red"}"#, "unknown field \"colour\""),
            (#"{"name":"a","type":"nope","data":{}}"#, "nope"),
            (#"{"name":"a","type":"tcp","data":{"adress":"127.0.0.1:1"}}"#, "adress"),
            (#"{"name":"a","type":"tcp","data":{"address":"127.0.0.1:1"},"interval":0}"#, "interval must be 1 to"),
            (#"{"name":"a","type":"tcp","data":{"address":"127.0.0.1:1"},"interval":9223372036854775807}"#, "interval must be 1 to"),
            (#"{"name":"a","type":"tcp","data":{"address":"127.0.0.1:1"},"delay":-1}"#, "delay must be 0 to"),
            (#"{"name":"a","type":"tcp","data":{"address":"127.0.0.1:1"},"interval":"60"}"#, "interval must be an integer"),
            (#"{"name":"","type":"tcp","data":{"address":"127.0.0.1:1"}}"#, "check name is empty"),
            (#"{"name":"a\u0000b","type":"tcp","data":{"address":"127.0.0.1:1"}}"#, "control characters"),
            (#"{"name":"a","type":"tcp","data":{"address":"127.0.0.1:1"},"tags":["ok","no space"]}"#, "tag \"no space\""),
            (#"{"name":"a","type":"tcp","data":{"address":"127.0.0.1:1"},"tags":[1]}"#, "tags must be an array of strings"),
            (#"{"name":"a","type":"tcp","data":{"address":"127.0.0.1:1"},"tags":[\#((0..<65).map { "\"t\($0)\"" }.joined(separator: ","))]}"#, "65 tags; at most 64"),
            (#"{"name":"a","type":"http","data":{"url":"http://127.0.0.1/","password":"********"}}"#, "nothing is stored to keep"),
            (#"{"name":"\#(String(repeating: "é", count: 65))","type":"tcp","data":{"address":"127.0.0.1:1"}}"#, "65 characters"),
        ]
        for (body, words) in cases {
            let error = refusal { _ = try catalog.createCheck(try json(body)) }
            #expect(error?.kind == .invalid, "\(body)")
            #expect(error?.message.contains(words) == true, "\(body): \(error?.message ?? "accepted")")
        }
        #expect(try store.checkRows().isEmpty)
    }

    @Test(arguments: StoreBackend.allCases)
    func contactNamesAreUniqueAndAlertsNeedRealRows(_ backend: StoreBackend) throws {
        let (catalog, store, keep) = try catalog(backend)
        defer { withExtendedLifetime(keep) {} }
        let mail = try catalog.createContact(try json(#"{"name":"ops","type":"email","data":"ops@example.com"}"#))
        #expect(mail.name == "ops" && mail.data == .string("ops@example.com"))
        let clash = refusal { _ = try catalog.createContact(try json(#"{"name":"ops","type":"email","data":"b@example.com"}"#)) }
        #expect(clash?.kind == .conflict)
        #expect(clash?.message.contains("contact \(mail.id)") == true)
        #expect(try store.contacts().count == 1, "a refused contact is not half-written")

        let reserved = refusal { _ = try catalog.createContact(try json(#"{"name":"contact-1","type":"email","data":"b@example.com"}"#)) }
        #expect(reserved?.kind == .invalid && reserved?.message.contains("form contact-ID") == true)
        let check = try catalog.createCheck(try json(#"{"name":"ssh","type":"tcp","data":{"address":"127.0.0.1:22"}}"#))
        let missing = refusal { _ = try catalog.createAlert(try json(#"{"check_id":\#(check.id),"contact_id":999}"#)) }
        #expect(missing?.kind == .invalid && missing?.message.contains("contact 999 does not exist") == true)
        let alert = try catalog.createAlert(try json(#"{"check_id":\#(check.id),"contact_id":\#(mail.id),"type":"offline"}"#))
        #expect(alert.type == .offline && alert.enabled)
        let moved = refusal { _ = try catalog.updateAlert(alert.id, patch: try json(#"{"check_id":12}"#)) }
        #expect(moved?.message.contains("check_id is set by bearmon") == true)
        #expect(try catalog.updateAlert(alert.id, patch: try json(#"{"enabled":false}"#)).enabled == false)

        try catalog.deleteContact(mail.id)
        #expect(try store.alerts().isEmpty)
        #expect(try store.contactNames().isEmpty)
    }

    @Test func pagesFollowSignedCursorsAndRefuseTamperedOnes() throws {
        let (catalog, _, keep) = try catalog(.sqlite)
        defer { withExtendedLifetime(keep) {} }
        for index in 0..<7 { _ = try catalog.createCheck(try json(#"{"name":"c\#(index)","type":"tcp","data":{"address":"127.0.0.1:\#(index + 1)"}}"#)) }
        var seen: [String] = []
        var cursor: String?
        var pages = 0
        repeat {
            let page = try catalog.listChecks(PageRequest(limit: 3, cursor: cursor), tag: nil)
            seen += page.items.map(\.name)
            cursor = page.next
            pages += 1
        } while cursor != nil && pages < 10
        #expect(seen == (0..<7).map { "c\($0)" })
        #expect(pages == 3)

        let first = try catalog.listChecks(PageRequest(limit: 3), tag: nil)
        let next = try #require(first.next)
        var tampered = Array(next)
        tampered[1] = tampered[1] == "A" ? "B" : "A"
        for bad in [String(tampered), next + "x", "", "...", String(repeating: "A", count: 10_000)] {
            #expect(refusal { _ = try catalog.listChecks(PageRequest(limit: 3, cursor: bad), tag: nil) }?.kind == .invalid)
        }
        // A cursor of one list is not accepted by another.
        #expect(refusal { _ = try catalog.listContacts(PageRequest(limit: 3, cursor: next)) }?.kind == .invalid)
    }

    @Test func tokensAreShownOnceAndStoredAsHashes() throws {
        let (catalog, store, keep) = try catalog(.sqlite)
        defer { withExtendedLifetime(keep) {} }
        let created = try catalog.createToken(try json(#"{"name":"ci","scope":"read"}"#))
        let token = try #require(created.token)
        #expect(token.hasPrefix("bm_") && token.count == 3 + 43)
        #expect(Base64URL.decode(String(token.dropFirst(3)))?.count == 32)
        #expect(try store.token(sha256: TokenSecret.sha256Hex(token))?.scope == .read)
        #expect(try catalog.token(created.id).token == nil)
        #expect(try catalog.listTokens(PageRequest()).items.allSatisfy { $0.token == nil })
        #expect(refusal { _ = try catalog.createToken(try json(#"{"name":"ci","scope":"write"}"#)) }?.kind == .conflict)
        #expect(refusal { _ = try catalog.createToken(try json(#"{"name":"x","scope":"admin"}"#)) }?.kind == .invalid)
        #expect(try catalog.updateToken(created.id, patch: try json(#"{"scope":"write"}"#)).scope == .write)
        try catalog.deleteToken(created.id)
        #expect(try store.token(sha256: TokenSecret.sha256Hex(token)) == nil)
    }

    @Test func configAsCodeThroughTheCatalogRefusesBadFilesAndAppliesWholeFiles() throws {
        let (catalog, store, keep) = try catalog(.sqlite)
        defer { withExtendedLifetime(keep) {} }
        let file = "checks:\n  ssh:\n    type: tcp\n    data: {address: \"127.0.0.1:22\"}\n    tags: [db]\n"
        let dry = try catalog.applyConfig(ConfigApplyRequest(yaml: file, file: "f.yaml", prune: false, dryRun: true))
        #expect(dry.changes && !dry.applied && dry.lines.count == 1)
        #expect(try store.checkRows().isEmpty)
        let applied = try catalog.applyConfig(ConfigApplyRequest(yaml: file, file: "f.yaml", prune: false, dryRun: false))
        #expect(applied.applied)
        #expect((try store.checkRows().map(\.name)) == ["ssh"])
        #expect(try catalog.exportConfig().yaml.contains("ssh"))
        // A bad second check: refused naming file and line, and the good first one is not written either.
        let broken = file + "  web:\n    type: nope\n    data: {}\n"
        let refused = refusal { _ = try catalog.applyConfig(ConfigApplyRequest(yaml: broken + "  ok:\n    type: tcp\n    data: {address: \"127.0.0.1:1\"}\n", file: "f.yaml", prune: false, dryRun: false)) }
        #expect(refused?.kind == .invalid && refused?.message.contains("f.yaml:7") == true, "\(refused?.message ?? "accepted")")
        #expect((try store.checkRows().map(\.name)) == ["ssh"])
        // A hostile file label is not repeated.
        let label = refusal { _ = try catalog.applyConfig(ConfigApplyRequest(yaml: "checks: [", file: "a\u{1b}[31m", prune: false, dryRun: true)) }
        #expect(label?.message.contains("<request>") == true && label?.message.contains("\u{1b}") == false, "\(label?.message ?? "accepted")")
    }

    @Test func mergePatchFollowsRFC7386() throws {
        let target = try json(#"{"a":"b","c":{"d":"e","f":"g"}}"#)
        #expect(try MergePatch.apply(try json(#"{"a":"z","c":{"f":null}}"#), to: target) == (try json(#"{"a":"z","c":{"d":"e"}}"#)))
        #expect(try MergePatch.apply(try json(#"["x"]"#), to: target) == (try json(#"["x"]"#)))
        var deep = JSONValue.string("x")
        for _ in 0..<100 { deep = .object(["k": deep]) }
        #expect(throws: CatalogError.self) { try MergePatch.apply(deep, to: .null) }
    }
}

extension JSONEncoder {
    /// `value` as JSON text, for assertions.
    func encodeText<T: Encodable>(_ value: T) -> String { (try? String(decoding: encode(value), as: UTF8.self)) ?? "" }
}

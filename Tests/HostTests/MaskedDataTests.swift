import Testing
@testable import BearmonCore
@testable import BearmonPlugins
@testable import BearmonSystem

/// How validated data is shown and how shown data is taken back (`ResolvedParams`, `MaskedEdit`).
@Suite("masked data")
struct MaskedDataTests {
    let validator = ParamValidator(specs: [
        ParamSpec(name: "url", kind: .string, description: "url", required: true),
        ParamSpec(name: "headers", kind: .map, description: "headers", secret: true),
        ParamSpec(name: "note", kind: .string, description: "free text"),
    ], allowsPrimaryString: false, subject: "check type 't'")
    let m = SecretMask.mask

    @Test("maskedJSON masks secrets, URL parameters and URLs inside other strings; contacts lose the URL path")
    func shown() throws {
        let params = try validator.resolve(#"{"url":"https://u:p@h/x?key=k1","headers":{"A":"Bearer zzzzzzzz"},"note":"see http://h/?sig=s1 now"}"#)
        let check = try #require(try JSONValue.parse(params.maskedJSON))
        #expect(check == .object(["url": .string("https://\(m)@h/x?key=\(m)"), "headers": .string(m), "note": .string("see http://h/?sig=\(m) now")]))
        let contact = try #require(try JSONValue.parse(params.maskedJSON(urlsWithoutPath: true)))
        guard case .object(let object) = contact else { Issue.record("not an object"); return }
        #expect(object["url"] == .string("https://\(m)@h/\(m)"))
    }

    @Test("a plugin's message loses quoted secret values and URL credentials; short values and other words stay")
    func scrubbed() throws {
        let params = try validator.resolve(#"{"url":"http://h/","headers":{"Authorization":"Bearer tok-1234567890","X":"abc"}}"#)
        #expect(params.scrubbed("sent Bearer tok-1234567890 to http://a:b@h/?token=t") == "sent \(m) to http://\(m)@h/?token=\(m)")
        #expect(params.scrubbed("token tok-1234567890 alone; abc kept") == "token \(m) alone; abc kept")
        #expect(params.scrubbed("") == "")
        let contact = try validator.resolve(#"{"url":"https://hooks.example/T/B/secretpath"}"#)
        #expect(contact.scrubbed("POST https://hooks.example/T/B/secretpath failed", urlsWithoutPath: true) == "POST https://hooks.example/\(m) failed")
    }

    @Test("edited data: a whole mask, a map entry mask and URL masks keep stored values; the rest is taken")
    func restore() throws {
        let stored = #"{"url":"https://u:p@h/x?key=k1","headers":{"A":"a1","B":"b1"},"note":"old"}"#
        let edited = #"{"url":"https://\#(m)@h/y?key=\#(m)","headers":{"A":"\#(m)","B":"b2"},"note":"new"}"#
        let restored = try #require(try JSONValue.parse(try MaskedEdit.restore(edited, from: stored)))
        #expect(restored == .object(["url": .string("https://u:p@h/y?key=k1"), "headers": .object(["A": .string("a1"), "B": .string("b2")]), "note": .string("new")]))
        let whole = try #require(try JSONValue.parse(try MaskedEdit.restore(#"{"url":"http://h/","headers":"\#(m)"}"#, from: stored)))
        guard case .object(let object) = whole else { Issue.record("not an object"); return }
        #expect(object["headers"] == .object(["A": .string("a1"), "B": .string("b1")]))
        #expect(try MaskedEdit.restore("not json \(m)", from: stored) == "not json \(m)")
        #expect(throws: InvalidParams.self) { try MaskedEdit.restore(#"{"password":"\#(m)"}"#, from: stored) }
    }
}

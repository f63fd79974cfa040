import PluginABI
import Testing
@testable import BearmonCore
@testable import BearmonPlugins
import BearmonSystem

/// ABI 1.3's list parameter as a C plugin reads it, the host's validation of list data, and a
/// plugin built against the 1.0 header still loading and running beside it.
@Suite("plugin ABI 1.3: list parameters")
struct ListParamABITests {
    @Test("a 1.3 plugin reads a list's count and entries in order, with RANGE past the end; the list is secret")
    func readsList() async throws {
        let fixture = try await FixtureHost()
        #expect(try fixture.host.type(.check, "fixture").module.abiMinor == UInt32(BEARMON_ABI_MINOR))
        let outcome = try await fixture.check(#"{"mode":"list","args":["-H","127.0.0.1","ünïcode ok","--password=hunter22"]}"#)
        #expect(outcome.status == .online)
        // The plugin quoted the secret list back: the host scrubs its entries (4 characters
        // or more) from the message.
        let mask = SecretMask.mask
        #expect(outcome.message == "args=4 code=0|-H|\(mask)|\(mask)|\(mask) past=\(BEARMON_E_RANGE)", "\(outcome.message)")
        let empty = try await fixture.check(#"{"mode":"list","args":[]}"#)
        #expect(empty.message == "args=0 code=0 past=\(BEARMON_E_RANGE)", "\(empty.message)")
        let absent = try await fixture.check(#"{"mode":"list"}"#)
        #expect(absent.message == "args=0 code=\(BEARMON_E_ABSENT) past=\(BEARMON_E_ABSENT)", "\(absent.message)")
        let type = try fixture.host.type(.check, "fixture")
        let params = try fixture.host.validate(type, data: #"{"mode":"list","args":["a","secret-arg"]}"#)
        #expect(params.maskedJSON.contains(#""args":"\#(SecretMask.mask)""#), "\(params.maskedJSON)")
        #expect(!params.maskedJSON.contains("secret-arg"))
    }

    @Test("list data that is not a list, or whose entries are not usable strings, is refused with a clear message",
          arguments: [
              (#""-H""#, "parameter 'args': must be a list of strings, got a string"),
              (#"{"a":"b"}"#, "parameter 'args': must be a list of strings, got an object"),
              (#"["a", 1]"#, "parameter 'args': entry 1 must be a string, got an integer; write every entry in quotes"),
              (#"["a", null]"#, "parameter 'args': entry 1 must be a string, got null"),
              (#"[["a"]]"#, "parameter 'args': entry 0 must be a string, got an array"),
              (#"["a", ""]"#, "parameter 'args': entry 1 is an empty string"),
              (#"["a\u0000b"]"#, "parameter 'args': entry 0 contains a NUL character"),
              // Foundation's decoder refuses an unpaired surrogate outright.
              (#"["\ud800"]"#, "data is not valid JSON"),
              (#"["ok", "\ufffd"]"#, "parameter 'args': entry 1 is not valid UTF-8"),
          ])
    func refusesBadLists(json: String, expected: String) async throws {
        let fixture = try await FixtureHost()
        let type = try fixture.host.type(.check, "fixture")
        let error = #expect(throws: InvalidParams.self) { try fixture.host.validate(type, data: #"{"mode":"list","args":\#(json)}"#) }
        #expect(error?.description.contains(expected) == true, "\(error?.description ?? "")")
    }

    @Test("huge lists are refused by count, by entry size and by total size, naming the bound")
    func refusesHugeLists() async throws {
        let fixture = try await FixtureHost()
        let type = try fixture.host.type(.check, "fixture")
        let cases: [([String], String)] = [
            (Array(repeating: "x", count: 100_000), "has 100000 entries, more than the 256 a list may hold"),
            ([String(repeating: "y", count: 4_097)], "entry 0 is 4097 bytes, more than the 4096 an entry may hold"),
            (Array(repeating: String(repeating: "z", count: 4_000), count: 20), "holds 80000 bytes in all, more than the 65536 a list may hold"),
        ]
        for (entries, expected) in cases {
            let data = JSONValue.object(["mode": .string("list"), "args": .array(entries.map(JSONValue.string))]).jsonText
            let error = #expect(throws: InvalidParams.self) { try fixture.host.validate(type, data: data) }
            #expect(error?.description.contains(expected) == true, "\(error?.description.prefix(300) ?? "")")
        }
        let most = Array(repeating: "w", count: 256)
        let outcome = try await fixture.check(JSONValue.object(["mode": .string("list"), "args": .array(most.map(JSONValue.string))]).jsonText)
        #expect(outcome.message.hasPrefix("args=256 code=0|w|w"), "\(outcome.message.prefix(80))")
    }

    @Test("a plugin built against the 1.0 header loads and runs on a 1.3 host, and has no list to read")
    func oldPlugin() async throws {
        let fixture = try await FixtureHost(header: TestPaths.fixture("abi/v1.0"))
        #expect(try fixture.host.type(.check, "fixture").module.abiMinor == 0)
        #expect(try fixture.host.type(.check, "fixture").timeoutParam == nil)
        let echo = try await fixture.check(#"{"mode":"echo","headers":{"a":"b"}}"#)
        #expect(echo.status == .online && echo.message.hasPrefix("headers=1 first=a:b"), "\(echo.message)")
        let list = try await fixture.check(#"{"mode":"list"}"#)
        #expect(list.status == .fail && list.message == "no list params")
        #expect(try fixture.host.type(.check, "fixture").params.allSatisfy { $0.kind != .list })
    }
}

import Testing
@testable import BearmonConfig
@testable import BearmonCore
@testable import BearmonMonitor
@testable import BearmonPlugins
@testable import BearmonRoles
@testable import BearmonServer
@testable import BearmonStore
@testable import BearmonWire
@testable import BearmonCLI

@Suite("parameter validation")
struct ParamValidatorTests {
    let validator = ParamValidator(specs: [
        ParamSpec(name: "address", kind: .string, description: "host:port", required: true),
        ParamSpec(name: "timeout", kind: .int, defaultValue: .int(10), description: "seconds"),
        ParamSpec(name: "force_ip", kind: .int, defaultValue: .int(0), description: "family", choices: ["0", "4", "6"]),
        ParamSpec(name: "type", kind: .string, description: "record", choices: ["A", "AAAA"]),
        ParamSpec(name: "insecure", kind: .bool, description: "skip"),
        ParamSpec(name: "headers", kind: .map, description: "headers"),
        ParamSpec(name: "password", kind: .string, description: "pw", secret: true),
    ], allowsPrimaryString: false, subject: "check type 't'")

    @Test("defaults apply and given values are tracked")
    func defaults() throws {
        let params = try validator.resolve(#"{"address":"a:1","timeout":15.0,"type":"aaaa"}"#)
        #expect(params.values["timeout"] == .int(15))
        #expect(params.values["force_ip"] == .int(0))
        #expect(params.given == ["address", "timeout", "type"])
    }

    @Test("each problem names its field", arguments: [
        (#"{}"#, "parameter 'address': is required"),
        (#"{"address":"a:1","timeout":"5"}"#, "parameter 'timeout': must be an integer, got a string"),
        (#"{"address":"a:1","timeout":1.5}"#, "parameter 'timeout': must be an integer, got a number"),
        (#"{"address":"a:1","force_ip":5}"#, "parameter 'force_ip': '5' is not one of 0, 4, 6"),
        (#"{"address":"a:1","type":"MX"}"#, "parameter 'type': 'MX' is not one of A, AAAA"),
        (#"{"address":"a:1","insecure":"yes"}"#, "parameter 'insecure': must be a boolean, got a string"),
        (#"{"address":"a:1","headers":{"Host":1}}"#, "parameter 'headers': must be an object of strings"),
        (#"["a"]"#, "data must be a JSON object, got an array"),
        (#"{"address":"#, "data is not valid JSON"),
        (#"{"adress":"a:1"}"#, "unknown parameter 'adress' (did you mean 'address'?)"),
    ])
    func problems(data: String, expected: String) {
        let error = #expect(throws: InvalidParams.self) { try validator.resolve(data) }
        #expect(error?.description.contains(expected) == true, "\(String(describing: error))")
        #expect(error?.description.hasPrefix("invalid data for check type 't': ") == true)
    }

    @Test("null counts as absent, as in gobearmon's decoder")
    func nulls() throws {
        let params = try validator.resolve(#"{"address":"a:1","timeout":null}"#)
        #expect(params.values["timeout"] == .int(10))
        #expect(!params.given.contains("timeout"))
    }

    @Test("contact data may be a plain string for the primary parameter")
    func primary() throws {
        let contact = ParamValidator(specs: [
            ParamSpec(name: "url", kind: .string, description: "u", required: true, primary: true),
            ParamSpec(name: "method", kind: .string, defaultValue: .string("POST"), description: "m"),
        ], allowsPrimaryString: true, subject: "contact type 'webhook'")
        #expect(try contact.resolve("https://hooks.example/x").values["url"] == .string("https://hooks.example/x"))
        #expect(try contact.resolve(#"{"url":"u","method":"PUT"}"#).values["method"] == .string("PUT"))
    }

    /// Found by fuzz/targets/params (fuzz/corpus/params/crash-double-choice-huge): a number
    /// too large for Int64, given for a number parameter with choices, trapped the host.
    @Test("a number parameter with choices refuses a huge or fractional value that is not one, and matches whole ones")
    func numberChoices() throws {
        let factor = ParamValidator(specs: [
            ParamSpec(name: "level", kind: .double, description: "factor", choices: ["0.5", "2"]),
        ], allowsPrimaryString: false, subject: "check type 't'")
        #expect(throws: InvalidParams.self) { try factor.resolve(#"{"level":1e300}"#) }
        #expect(throws: InvalidParams.self) { try factor.resolve(#"{"level":-4444444444444444444444444444}"#) }
        #expect(throws: InvalidParams.self) { try factor.resolve(#"{"level":2.5}"#) }
        #expect(try factor.resolve(#"{"level":2.0}"#).given == ["level"])
        #expect(try factor.resolve(#"{"level":0.5}"#).values["level"] == .double(0.5))
        do {
            _ = try factor.resolve(#"{"level":1e300}"#)
            Issue.record("1e300 was accepted")
        } catch {
            #expect(error.description.contains("'1e+300' is not one of 0.5, 2"), "\(error)")
        }
    }
}

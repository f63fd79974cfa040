import BearmonCore
import BearmonPlugins

/// Parameters of every kind and flag, so that each branch of the validator is reachable: a
/// required string, a primary (contact) string, a secret, an int and a number with defaults,
/// a bool, a map, a secret list, and choice lists of each scalar kind (a plugin may declare any of them).
let specs = [
    ParamSpec(name: "address", kind: .string, description: "host:port", required: true, primary: true),
    ParamSpec(name: "password", kind: .string, description: "a secret", secret: true),
    ParamSpec(name: "timeout", kind: .int, defaultValue: .int(10), description: "seconds"),
    ParamSpec(name: "ratio", kind: .double, defaultValue: .double(0.5), description: "a number"),
    ParamSpec(name: "insecure", kind: .bool, description: "a flag"),
    ParamSpec(name: "headers", kind: .map, description: "strings by name"),
    ParamSpec(name: "args", kind: .list, description: "a secret list of strings (ABI 1.3)", secret: true),
    ParamSpec(name: "method", kind: .string, defaultValue: .string("GET"), description: "a verb", choices: ["GET", "HEAD", "POST"]),
    ParamSpec(name: "status", kind: .int, description: "a code", choices: ["200", "301", "404"]),
    ParamSpec(name: "level", kind: .double, description: "a factor", choices: ["0.5", "1", "2"]),
    ParamSpec(name: "verify", kind: .bool, description: "a flag with choices", choices: ["true"]),
]

/// libFuzzer's entry for the params validator: the first byte's low bits pick strict mode and
/// whether plain-string data stands for the primary parameter; the rest is the data as a
/// check or contact row holds it. A successful result is shown masked, as listings show it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParams(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    guard let flags = bytes.first else { return 0 }
    let data = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let validator = ParamValidator(specs: specs, allowsPrimaryString: flags & 1 != 0, subject: "fuzz type")
    do {
        let resolved = try validator.resolve(data, strict: flags & 2 != 0)
        _ = resolved.maskedJSON
    } catch {
        _ = error.description
    }
    return 0
}

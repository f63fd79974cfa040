import BearmonCore
import Foundation
import Testing

/// The stored JSON of healthchecks and statuses, written by ``JSONWriter`` instead of
/// `JSONEncoder`: it must read back as the same message, and as what `JSONEncoder` wrote.
@Suite("JSONWriter: pushed messages stored without JSONEncoder")
struct JSONWriterTests {
    static let hostileStrings: [String] = [
        "", "plain", "quote \" backslash \\ slash / end", "\u{0}\u{1}\u{8}\u{9}\u{A}\u{C}\u{D}\u{1F}\u{7F}",
        "e\u{301}\u{302}\u{303} combining", "emoji 👩‍👩‍👧 flags 🇩🇪", "\u{2028}\u{2029} line separators", "</script><!--",
        String(repeating: "long ", count: 20_000), "\u{FEFF}bom", "null", "{\"nested\":[1,2]}", "\\u0000 literally",
    ]
    // The largest a pushed number may be: the decoder reads numbers as Double, exact to 2^53.
    static let numbers: [Int64] = [0, 1, -1, 9_007_199_254_740_992, -9_007_199_254_740_992, 2_147_483_648]
    static let doubles: [Double] = [0, -0.0, 1.5, 1_764_500_000.123, 1e300, -1e-300, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, 4_102_444_800]

    static func healthChecks() -> [MonitorHealthCheck] {
        var messages: [MonitorHealthCheck] = []
        for (index, text) in hostileStrings.enumerated() {
            let number = numbers[index % numbers.count], double = doubles[index % doubles.count]
            let node = MonitorNode(id: text.isEmpty ? "n" : text, address: index % 2 == 0 ? text : nil, port: index % 3 == 0 ? number : nil,
                                   metadata: index % 2 == 1 ? [text: text, "b": "2", "a": "", "é": "e\u{301}"] : nil)
            let service = MonitorService(name: text, version: index % 2 == 0 ? nil : text, id: index % 4 == 0 ? text : nil,
                                         nodes: index % 5 == 0 ? nil : index % 5 == 1 ? [] : [node, MonitorNode(id: "second")])
            messages.append(MonitorHealthCheck(id: text, description: index % 2 == 0 ? text : nil, timestamp: double, interval: number, ttl: index % 2 == 0 ? nil : number,
                                               service: service, status: Int64(index % 3), results: index % 3 == 0 ? nil : [text: text, "k": "v"], error: index % 3 == 1 ? text : nil))
        }
        messages.append(MonitorHealthCheck(id: "bare", service: MonitorService(name: nil, version: nil), status: 0))
        var empty = MonitorHealthCheck(id: "x", service: MonitorService(name: nil, version: nil), status: 0)
        (empty.id, empty.service, empty.status) = (nil, nil, nil)
        messages.append(empty)
        return messages
    }

    @Test("every healthcheck reads back as itself and as JSONEncoder's text reads back")
    func healthChecksRoundTrip() throws {
        for message in Self.healthChecks() {
            let written = message.storedJSON()
            let viaWriter = try JSONDecoder().decode(MonitorHealthCheck.self, from: Data(written.utf8))
            let viaEncoder = try JSONDecoder().decode(MonitorHealthCheck.self, from: Data(try MonitorJSON.text(message).utf8))
            #expect(viaWriter == message, "\(written.prefix(300))")
            #expect(viaWriter == viaEncoder)
            #expect(try JSONSerialization.jsonObject(with: Data(written.utf8)) is [String: Any], "a JSON object to another parser too")
        }
    }

    @Test("every status reads back as itself and as JSONEncoder's text reads back")
    func statusesRoundTrip() throws {
        for (index, text) in Self.hostileStrings.enumerated() {
            let message = MonitorStatus(service: MonitorService(name: text, version: "1", nodes: [MonitorNode(id: "n\(index)", metadata: [text: text])]),
                                        status: Int64(index % 4), info: text,
                                        timestamp: Self.doubles[index % Self.doubles.count], interval: index % 2 == 0 ? nil : 10, ttl: 60)
            let viaWriter = try JSONDecoder().decode(MonitorStatus.self, from: Data(message.storedJSON().utf8))
            #expect(viaWriter == message)
            #expect(viaWriter == (try JSONDecoder().decode(MonitorStatus.self, from: Data(try MonitorJSON.text(message).utf8))))
        }
    }

    @Test("keys are those JSONEncoder writes, in its sorted order, and absent fields are left out")
    func sameKeysAndOrder() throws {
        for message in Self.healthChecks().prefix(6) {
            let encoded = try MonitorJSON.text(message)
            #expect(Self.keys(message.storedJSON()) == Self.keys(encoded), "\(message.storedJSON().prefix(400)) vs \(encoded.prefix(400))")
        }
        let plain = MonitorHealthCheck(id: "a/b", description: "d", timestamp: 1.5, interval: 10, ttl: 60,
                                       service: MonitorService(name: "s", version: "1", nodes: [MonitorNode(id: "n", address: "h", port: 1, metadata: ["b": "2", "a": "1"])]),
                                       status: 1, results: ["z": "1", "y": "2"], error: "e")
        #expect(plain.storedJSON() == #"{"description":"d","error":"e","id":"a/b","interval":10,"results":{"y":"2","z":"1"},"service":{"name":"s","nodes":[{"address":"h","id":"n","metadata":{"a":"1","b":"2"},"port":1}],"version":"1"},"status":1,"timestamp":1.5,"ttl":60}"#)
        #expect(plain.storedJSON() == (try MonitorJSON.text(plain)), "byte for byte what JSONEncoder writes, for plain values")
        #expect(MonitorNode(id: "\u{1}\"\\").write(into: ()) == #"{"id":"\u0001\"\\"}"#)
        var whole = plain
        whole.timestamp = 4_102_444_800
        #expect(Self.storedThroughProtocol(whole) == whole.storedJSON(), "the push path, generic over PushedMessage, takes the writer")
        #expect(whole.storedJSON() != (try MonitorJSON.text(whole)), "a whole-number timestamp is where the two differ: \(whole.storedJSON())")
    }

    /// `message` stored as PushIntake stores it: through the protocol, not the concrete type.
    static func storedThroughProtocol(_ message: some PushedMessage) -> String { (try? message.storedJSON()) ?? "" }

    /// Every key of every object in `text`, in order of appearance.
    static func keys(_ text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #""((?:[^"\\]|\\.)*)":"#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range(at: 1), in: text)!]) }
    }
}

extension MonitorNode {
    /// The node alone as JSON text.
    func write(into: Void) -> String { JSONWriter.text(write(to:)) }
}

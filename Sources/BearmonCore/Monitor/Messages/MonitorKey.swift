/// A key of a go-micro monitor message. go-micro's JSON codec writes proto field names in
/// lowerCamelCase (`stdDev`); other clients send the proto's snake_case (`std_dev`). Both
/// are read; answers are written in lowerCamelCase.
struct MonitorKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }

    /// The spellings a field may arrive under: its lowerCamelCase name, then snake_case.
    /// Names are our own ASCII field names, so bytes are enough: Character's Unicode
    /// properties made this a twentieth of a push's cost, as every field read asks.
    static func spellings(of name: String) -> [MonitorKey] {
        var snake: [UInt8] = []
        snake.reserveCapacity(name.utf8.count + 4)
        var changed = false
        for byte in name.utf8 {
            if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") {
                snake += [UInt8(ascii: "_"), byte | 0x20]
                changed = true
            } else {
                snake.append(byte)
            }
        }
        return changed ? [MonitorKey(name), MonitorKey(String(decoding: snake, as: UTF8.self))] : [MonitorKey(name)]
    }
}

extension KeyedDecodingContainer where K == MonitorKey {
    /// The key `name` arrived under, if any, with JSON null counted as absent.
    private func present(_ name: String) throws -> MonitorKey? {
        for key in MonitorKey.spellings(of: name) where contains(key) {
            return try decodeNil(forKey: key) ? nil : key
        }
        return nil
    }

    /// A string field.
    func string(_ name: String) throws -> String? {
        guard let key = try present(name) else { return nil }
        return try decode(String.self, forKey: key)
    }

    /// A nested message or a list of them.
    func message<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T? {
        guard let key = try present(name) else { return nil }
        return try decode(T.self, forKey: key)
    }

    /// A number: JSON numbers, and the decimal strings proto3's JSON mapping writes for
    /// 64-bit integers.
    func number(_ name: String) throws -> Double? {
        guard let key = try present(name) else { return nil }
        if let value = try? decode(Double.self, forKey: key) { return value }
        if let text = try? decode(String.self, forKey: key), let value = Double(text) { return value }
        throw DecodingError.typeMismatch(Double.self, .init(codingPath: codingPath + [key], debugDescription: "must be a number"))
    }

    /// A whole number (see ``number(_:)``).
    func integer(_ name: String) throws -> Int64? {
        guard let value = try number(name) else { return nil }
        guard value.rounded() == value, abs(value) < 9.2e18 else {
            throw DecodingError.typeMismatch(Int64.self, .init(codingPath: codingPath + [MonitorKey(name)], debugDescription: "must be a whole number, got \(value)"))
        }
        return Int64(value)
    }

    /// An enum field: its number, or its name as proto3's JSON mapping writes it
    /// (`"OK"`), as an index into `names`.
    func enumeration(_ name: String, names: [String]) throws -> Int64? {
        guard let key = try present(name) else { return nil }
        let value: Int64
        if let text = try? decode(String.self, forKey: key), Double(text) == nil {
            guard let index = names.firstIndex(of: text.uppercased()) else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [key], debugDescription: "'\(text)' is not one of \(names.joined(separator: ", "))"))
            }
            value = Int64(index)
        } else {
            value = try integer(name) ?? 0
        }
        guard (0..<Int64(names.count)).contains(value) else {
            let choices = names.enumerated().map { "\($0.offset) \($0.element)" }.joined(separator: ", ")
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [key], debugDescription: "\(value) is not one of \(choices)"))
        }
        return value
    }

    /// A map of strings; numbers and booleans are taken as their text, as go-micro's
    /// clients format every result as a string anyway.
    func stringMap(_ name: String) throws -> [String: String]? {
        guard let key = try present(name) else { return nil }
        let raw = try decode([String: JSONValue].self, forKey: key)
        var map: [String: String] = [:]
        for (entry, value) in raw {
            switch value {
            case .string(let text): map[entry] = text
            case .int(let number): map[entry] = String(number)
            case .double(let number): map[entry] = String(number)
            case .bool(let flag): map[entry] = String(flag)
            case .null: map[entry] = ""
            case .array, .object:
                throw DecodingError.typeMismatch(String.self, .init(codingPath: codingPath + [key, MonitorKey(entry)], debugDescription: "must be a string, got \(value.typeDescription)"))
            }
        }
        return map
    }
}

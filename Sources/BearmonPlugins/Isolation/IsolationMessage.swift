import BearmonCore
import Foundation

/// What the node asks a plugin host (`bearmon plugin-host`). Every call carries an id, so
/// the helper may answer them in any order while it runs them concurrently.
enum IsolationRequest: Codable, Sendable {
    /// Run check `type` on `data` (the params as given, JSON), for at most `budgetMs`.
    case check(id: UInt64, type: String, data: String, budgetMs: Int64?, label: String)
    /// Deliver `event` through contact `type`.
    case deliver(id: UInt64, type: String, data: String, event: IsolationEvent, label: String)
    /// Run the plugin's own validate() of `kind`/`type` on `data`.
    case validate(id: UInt64, kind: Int32, type: String, data: String)
}

/// What a plugin host answers.
enum IsolationReply: Codable, Sendable {
    /// Sent once, first: the module loaded and registered these types.
    case hello(module: IsolationModule, types: [IsolationType])
    /// Sent once, first, instead of hello: the loader refused the module.
    case refused(reason: String, fix: String)
    /// A check call ended.
    case checked(id: UInt64, status: CheckStatus, message: String, metrics: [Metric], latencyMs: Double)
    /// A contact call ended.
    case delivered(id: UInt64, status: DeliveryStatus, error: String, receipt: String?)
    /// A validate call ended; no problems means valid.
    case validated(id: UInt64, problems: [IsolationProblem])
    /// A log line of the helper's (the plugin's own, or its host's), for the node's logger.
    case log(level: String, message: String, metadata: [String: String])

    /// The request this answers, for replies that answer one.
    var requestID: UInt64? {
        switch self {
        case .hello, .refused, .log: nil
        case .checked(let id, _, _, _, _), .delivered(let id, _, _, _), .validated(let id, _): id
        }
    }
}

/// ``ModuleInfo`` on the wire.
struct IsolationModule: Codable, Sendable {
    var file, name, version, description, toolchain: String
    var abiMajor, abiMinor: UInt32
    var configSection: String?

    init(_ info: ModuleInfo) {
        (file, name, version, description, toolchain) = (info.file, info.name, info.version, info.description, info.toolchain)
        (abiMajor, abiMinor, configSection) = (info.abiMajor, info.abiMinor, info.configSection)
    }

    var info: ModuleInfo {
        ModuleInfo(file: file, name: name, version: version, description: description,
                   abiMajor: abiMajor, abiMinor: abiMinor, toolchain: toolchain, configSection: configSection)
    }
}

/// A type's declaration on the wire: what the node needs to validate data and list it.
struct IsolationType: Codable, Sendable {
    var kind: Int32
    var name, summary: String
    var maxRunMs: UInt32
    var params: [IsolationParam]
    var hasValidate: Bool
}

/// ``ParamSpec`` on the wire.
struct IsolationParam: Codable, Sendable {
    var name, description: String
    var kind: Int32
    var defaultValue: JSONValue?
    var secret, required, primary: Bool
    var choices: [String]

    init(_ spec: ParamSpec) {
        (name, description, kind, defaultValue) = (spec.name, spec.description, spec.kind.rawValue, spec.defaultValue)
        (secret, required, primary, choices) = (spec.secret, spec.required, spec.primary, spec.choices)
    }

    var spec: ParamSpec? {
        ParamKind(rawValue: kind).map {
            ParamSpec(name: name, kind: $0, defaultValue: defaultValue, description: description,
                      secret: secret, required: required, primary: primary, choices: choices)
        }
    }
}

/// ``ParamProblem`` on the wire.
struct IsolationProblem: Codable, Sendable {
    var param: String?
    var reason: String
}

/// ``NotificationEvent`` on the wire.
struct IsolationEvent: Codable, Sendable {
    var eventID, status, message, checkName, checkType, maskedCheckData, kind, detail, acknowledgedBy, ackURL: String
    var checkID, time, count, since, escalationLevel, fallbackFromContactID: Int64

    init(_ event: NotificationEvent) {
        (eventID, status, message, checkName, checkType) = (event.eventID, event.status, event.message, event.checkName, event.checkType)
        (maskedCheckData, kind, detail, acknowledgedBy) = (event.maskedCheckData, event.kind, event.detail, event.acknowledgedBy)
        (checkID, time, count, since) = (event.checkID, event.time, event.count, event.since)
        (escalationLevel, fallbackFromContactID, ackURL) = (event.escalationLevel, event.fallbackFromContactID, event.ackURL)
    }

    var event: NotificationEvent {
        var event = NotificationEvent(eventID: eventID, status: status, message: message, checkID: checkID, checkName: checkName,
                                      checkType: checkType, maskedCheckData: maskedCheckData, time: time, kind: kind)
        (event.count, event.since, event.detail) = (count, since, detail)
        (event.escalationLevel, event.acknowledgedBy, event.fallbackFromContactID) = (escalationLevel, acknowledgedBy, fallbackFromContactID)
        event.ackURL = ackURL
        return event
    }
}

/// JSON coding of messages, in one place for both ends.
enum IsolationCodec {
    /// A message as a frame's payload. Metrics may be NaN or infinite, which plain JSON cannot hold.
    static func encode<T: Encodable>(_ message: T) -> Data {
        // Encoding these plain structs cannot fail; a failure would be a bearmon bug.
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return (try? encoder.encode(message)) ?? Data()
    }

    /// A payload as a message, or nil when it is not one.
    static func decode<T: Decodable>(_ type: T.Type, _ data: Data) -> T? {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try? decoder.decode(type, from: data)
    }
}

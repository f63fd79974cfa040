/// What a dns check asks: a name and a record type, checked before anything is sent.
struct DNSQuestion {
    /// The name, fully qualified.
    let name: DNSName
    /// The record type.
    let type: DNSRecordType

    /// Builds the question from the check's parameters; a missing name or an unknown type
    /// throws (the host's validation normally catches both first).
    init(name: String?, type: String?) throws {
        guard let name, !name.isEmpty else { throw DNSQuestionError(reason: "parameter 'name' is required") }
        let typeName = type ?? DNSRecordType.a.rawValue
        guard let recordType = DNSRecordType(named: typeName) else {
            let known = DNSRecordType.allCases.map(\.rawValue).joined(separator: ", ")
            throw DNSQuestionError(reason: "parameter 'type': '\(typeName)' is not one of \(known)")
        }
        self.name = try DNSName(parsing: name)
        self.type = recordType
    }
}

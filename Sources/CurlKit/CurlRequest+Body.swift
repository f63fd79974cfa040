extension CurlRequest.Body {
    /// The bytes sent, or nil for `.none`.
    var encoded: [UInt8]? {
        switch self {
        case .none: nil
        case .bytes(let bytes): bytes
        case .form(let fields): Array(FormField.encode(fields).utf8)
        case .json(let text): Array(text.utf8)
        }
    }

    /// The Content-Type this kind of body implies, or nil when it is the caller's to set.
    var contentType: String? {
        switch self {
        case .none, .bytes: nil
        case .form: "application/x-www-form-urlencoded"
        case .json: "application/json"
        }
    }
}

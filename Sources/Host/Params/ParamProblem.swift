/// One thing wrong with a check's or contact's data.
public struct ParamProblem: Sendable, Equatable, CustomStringConvertible {
    /// The parameter concerned, or nil for the data as a whole.
    public let param: String?
    /// What is wrong, in words a user can act on.
    public let reason: String

    /// Creates a problem report.
    public init(param: String?, reason: String) {
        self.param = param
        self.reason = reason
    }

    /// "parameter 'timeout': must be an integer, got a string".
    public var description: String { param.map { "parameter '\($0)': \(reason)" } ?? reason }
}

/// Data that a type refuses, with every problem found.
public struct InvalidParams: Error, Sendable, CustomStringConvertible {
    /// "check type 'tcp'" or "contact type 'email'".
    public let subject: String
    /// Everything that is wrong.
    public let problems: [ParamProblem]

    /// "invalid data for check type 'tcp': parameter 'address': is required".
    public var description: String {
        "invalid data for \(subject): " + problems.map(\.description).joined(separator: "; ")
    }
}

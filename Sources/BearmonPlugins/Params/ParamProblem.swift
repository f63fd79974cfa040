/// One thing wrong with a check's or contact's data.
package struct ParamProblem: Sendable, Equatable, CustomStringConvertible {
    /// The parameter concerned, or nil for the data as a whole.
    package let param: String?
    /// What is wrong, in words a user can act on.
    package let reason: String

    /// Creates a problem report.
    package init(param: String?, reason: String) {
        self.param = param
        self.reason = reason
    }

    /// "parameter 'timeout': must be an integer, got a string".
    package var description: String { param.map { "parameter '\($0)': \(reason)" } ?? reason }
}

/// Data that a type refuses, with every problem found.
package struct InvalidParams: Error, Sendable, CustomStringConvertible {
    /// "check type 'tcp'" or "contact type 'email'".
    package let subject: String
    /// Everything that is wrong.
    package let problems: [ParamProblem]

    /// "invalid data for check type 'tcp': parameter 'address': is required".
    package var description: String {
        "invalid data for \(subject): " + problems.map(\.description).joined(separator: "; ")
    }
}

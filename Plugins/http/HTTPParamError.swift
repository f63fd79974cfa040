/// Why an http check's data cannot be used, one problem per parameter at fault.
struct HTTPParamError: Error, CustomStringConvertible {
    struct Problem {
        let param: String
        let reason: String
    }

    let problems: [Problem]

    /// "parameter 'url': is required; parameter 'method': ...".
    var description: String {
        problems.map { "parameter '\($0.param)': \($0.reason)" }.joined(separator: "; ")
    }
}

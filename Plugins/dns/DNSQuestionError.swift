/// A question that cannot be asked.
struct DNSQuestionError: Error, CustomStringConvertible {
    /// Which parameter is wrong and how.
    let reason: String

    var description: String { reason }
}

/// No nameserver could be chosen, and why.
struct NameserverError: Error, CustomStringConvertible {
    /// What is missing or wrong, and how to fix it.
    let reason: String

    var description: String { reason }
}

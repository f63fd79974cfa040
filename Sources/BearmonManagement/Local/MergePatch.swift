package import BearmonCore

/// JSON merge patch (RFC 7386): a patch object's members replace the target's, `null`
/// deletes a member, nested objects merge recursively, and anything that is not an object
/// replaces the target whole.
package enum MergePatch {
    /// The deepest patch bearmon follows; deeper ones are refused rather than recursed into.
    package static let maxDepth = 32

    /// `target` with `patch` applied.
    package static func apply(_ patch: JSONValue, to target: JSONValue, depth: Int = 0) throws(CatalogError) -> JSONValue {
        guard depth < maxDepth else { throw CatalogError(.invalid, "the patch nests deeper than \(maxDepth) levels; send a flatter one") }
        guard case .object(let members) = patch else { return patch }
        var result: [String: JSONValue] = if case .object(let object) = target { object } else { [:] }
        for (name, value) in members {
            if value == .null {
                result[name] = nil
            } else {
                result[name] = try apply(value, to: result[name] ?? .null, depth: depth + 1)
            }
        }
        return .object(result)
    }
}

/// The rule for a node's name, which is a key: stored with every result
/// (`check_results.node`, 128 code points) and compared to tell workers apart. A name that
/// does not fit is refused, never cut, since two cut names could collide.
package enum NodeName {
    /// The most code points a node name may have.
    static let limit = 128

    /// Why `name` cannot be a node name ("name is empty", "name is 300 characters..."), or nil.
    package static func problem(_ name: String) -> String? {
        let length = name.unicodeScalars.count
        if length == 0 { return "name is empty" }
        if length > limit { return "name is \(length) characters; at most \(limit) are accepted" }
        return nil
    }
}

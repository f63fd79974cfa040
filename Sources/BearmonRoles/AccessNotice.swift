/// The start-up line that says how a node applies the access rule, so that an operator sees
/// at once whether reads need a token.
enum AccessNotice {
    /// The line for a node whose reads are open or not.
    static func text(openReads: Bool) -> String {
        openReads
            ? "access: reads need no token ([api] openReads is true, the default on a loopback-only address); writes need a write token"
            : "access: reads need a read or write token, writes a write token ([api] openReads is false); create one with `bearmon tokens add`"
    }
}

import Foundation

/// Where a page sends a reader who must sign in, and where `/login` may send them back: only
/// to a path on this node, so the sign-in form can never be turned into an open redirect.
enum SignIn {
    /// The longest return path kept; a longer one returns to the dashboard.
    static let maxReturnLength = 2_048

    /// `/login`, remembering `path` (with its query) to return to.
    static func location(returningTo path: String) -> String {
        guard let safe = returnPath(path), safe != "/" else { return "/login" }
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return "/login?next=" + (safe.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/")
    }

    /// `path` when it names a page on this node (`/...`, not `//host`; only the characters a
    /// URL's path and query may hold unescaped; bounded), else nil.
    static func returnPath(_ path: String?) -> String? {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), path.utf8.count <= maxReturnLength,
              path.unicodeScalars.allSatisfy(urlCharacters.contains) else { return nil }
        return path
    }

    /// RFC 3986's unreserved and reserved characters and `%`: no space, quote, angle bracket or backslash.
    private static let urlCharacters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/?#[]@!$&'()*+,;=%:")
}

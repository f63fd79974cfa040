import BearmonSystem
package import CurlKit

/// Where a ``RemoteCatalog`` sends its requests: the `--api` URL of a bearmon node, checked
/// before anything is sent, so that a mistake is named before a token travels anywhere.
package struct RemoteEndpoint: Sendable, Equatable {
    /// The API's root, without a trailing slash: `https://host:port[/prefix]/api/v1`.
    package let root: String
    /// The URL as given (without trailing slashes), credentials masked, for messages.
    package let shown: String
    /// Whether the connection is plain HTTP.
    package let cleartext: Bool
    /// Whether the host is a loopback address (or `localhost`), where plain HTTP stays on the machine.
    package let loopback: Bool

    /// The longest `--api` accepted.
    package static let maxLength = 2048

    /// The path every API route starts with.
    package static let apiPath = "/api/v1"

    /// Parses `text`: an http:// or https:// URL of a node, optionally with a path prefix (a
    /// reverse proxy's), with or without `/api/v1`. No credentials, query or fragment.
    package init(parsing text: String) throws(CatalogError) {
        // A node's address is short; a long one is a mistake, and would flood every message.
        guard text.utf8.count <= Self.maxLength else {
            throw CatalogError(.invalid, "--api is \(text.utf8.count) bytes long, more than \(Self.maxLength); give the node's address, such as http://127.0.0.1:8888")
        }
        let given = text.trimmingSuffix("/")
        let url: CurlURL
        do {
            url = try CurlURL(parsing: given)
        } catch {
            throw CatalogError(.invalid, "--api \(SecretMask.url(text)): not a URL (\(error.message)); give the node's address, such as http://127.0.0.1:8888")
        }
        shown = SecretMask.url(given)
        guard url.scheme == "http" || url.scheme == "https" else {
            throw CatalogError(.invalid, "--api \(shown): the scheme must be http or https, not '\(url.scheme)'")
        }
        guard !url.host.isEmpty else { throw CatalogError(.invalid, "--api \(shown): the URL names no host") }
        let afterScheme = given.drop { $0 != ":" }.dropFirst(3)
        let authority = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        // A token in the URL would be in argv, where `ps` shows it to every user.
        guard !authority.contains("@") else {
            throw CatalogError(.invalid, "--api \(shown): the URL holds credentials, which `ps` shows to every user; give the token in BEARMON_TOKEN instead")
        }
        let path = String(afterScheme.dropFirst(authority.count))
        guard !path.contains("?"), !path.contains("#") else {
            throw CatalogError(.invalid, "--api \(shown): the URL may not have a query or fragment; give the node's address, such as http://127.0.0.1:8888")
        }
        let base = given.dropLast(path.count)
        let prefix = path.hasSuffix(Self.apiPath) ? String(path.dropLast(Self.apiPath.count)) : path
        root = base + prefix + Self.apiPath
        cleartext = url.scheme == "http"
        loopback = Self.isLoopback(url.connectHost)
    }

    /// Whether `host` (as curl connects to it) stays on this machine.
    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host.hasSuffix(".localhost") { return true }
        guard let address = IPAddress(parsing: host) else { return false }
        let bytes = address.bytes
        if bytes.count == 4 { return bytes[0] == 127 }
        let mappedV4 = bytes.prefix(10).allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff
        return bytes == [UInt8](repeating: 0, count: 15) + [1] || (mappedV4 && bytes[12] == 127)
    }

    /// The URL of `path` (starting with "/", below `/api/v1`) with `query` percent-encoded.
    package func url(_ path: String, query: [(String, String)] = []) -> String {
        let pairs = query.map { "\($0.0)=\(Self.percentEncoded($0.1))" }
        return root + path + (pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&"))
    }

    /// `value` with every byte but RFC 3986's unreserved ones percent-encoded.
    static func percentEncoded(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0x0f, radix: 16, uppercase: true)
            }
        }
        return out
    }
}

extension String {
    /// The string without any trailing `suffix` repeats.
    fileprivate func trimmingSuffix(_ suffix: Character) -> String {
        var text = Substring(self)
        while text.last == suffix { text = text.dropLast() }
        return String(text)
    }
}

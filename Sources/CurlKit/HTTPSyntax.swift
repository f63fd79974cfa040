/// What HTTP allows in the parts of a request that users write into data: URLs, methods and
/// headers. The http check and the webhook contacts both validate through here, so they
/// accept and refuse the same things in the same words.
package enum HTTPSyntax {
    /// Why a part cannot be used, in words fit for a parameter error. It never repeats a URL,
    /// which may hold a password.
    package struct Rejection: Error, Sendable, Equatable {
        /// The reason, for example "the scheme must be http or https, not 'ftp'".
        package let reason: String
    }

    /// Parses `text` as an http:// or https:// URL, exactly as a transfer will use it.
    package static func url(_ text: String) throws(Rejection) -> CurlURL {
        let url: CurlURL
        do {
            url = try CurlURL(parsing: text)
        } catch {
            throw Rejection(reason: "is not a URL curl can use: \(error.reason)")
        }
        guard url.scheme == "http" || url.scheme == "https" else {
            throw Rejection(reason: "the scheme must be http or https, not '\(url.scheme)'")
        }
        return url
    }

    /// Why `method` cannot be sent, or nil.
    package static func problem(method: String) -> String? {
        isToken(method) ? nil : "'\(method)' is not an HTTP method"
    }

    /// Why `header` cannot be sent, or nil: a name that is not a token, or a value with a
    /// line break, which would smuggle in a header of its own.
    package static func problem(header: CurlRequest.Header) -> String? {
        if !isToken(header.name) { return "'\(header.name)' is not a header name" }
        // Bytes, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        if header.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) { return "the value of '\(header.name)' contains a line break" }
        return nil
    }

    /// RFC 9110's token: what a method or a header name may be made of.
    package static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}

import BearmonSystem

/// What to fetch or send and how: everything ``CurlTransfer`` sets on a handle, for an HTTP(S)
/// request or, with ``mail`` set, an SMTP submission.
///
/// Every field has a default, so a caller names only what it needs.
package struct CurlRequest: Sendable {
    /// One request header, in the order given.
    package struct Header: Sendable, Equatable {
        /// The header name, for example "Host".
        package var name: String
        /// Its value.
        package var value: String

        /// A header line `name: value`.
        package init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// What the request sends after its headers.
    package enum Body: Sendable, Equatable {
        /// Nothing.
        case none
        /// These bytes, as they are (the caller sets Content-Type in ``headers`` if it matters).
        case bytes([UInt8])
        /// An HTML form, `application/x-www-form-urlencoded`, fields in order, each escaped by
        /// curl (see ``FormField/encode(_:)``).
        case form([FormField])
        /// A JSON document, sent as `application/json`.
        case json(String)
    }

    /// The URL, with its scheme.
    package var url: String
    /// The method; nil means GET, or POST when ``body`` is not `.none` (gobearmon's rule).
    package var method: String?
    /// The request body.
    package var body: Body = .none
    /// Extra headers; a `Host` header replaces the one taken from the URL.
    package var headers: [Header] = []
    /// HTTP basic auth, when set.
    package var credentials: Credentials?
    /// When the whole transfer (connect, TLS, request, response, body) must be over.
    package var deadline: Deadline
    /// Whether redirects (301, 302, 303, 307, 308 with a Location) are followed. CurlKit
    /// follows them itself, one hop at a time, so that each hop's host is resolved within the
    /// deadline and approved by ``egressPolicy`` (see ``CurlTransfer``). On a 301, 302 or 303
    /// any method but GET and HEAD becomes a GET without the body, as in Go's client and curl;
    /// a 307 or 308 repeats the method and body. Credentials and the Authorization, Cookie
    /// and Host headers go only to the first URL's scheme, host and port.
    package var followRedirects = true
    /// How many redirects are followed before the transfer fails; Go's client allows 10.
    package var maxRedirects = 10
    /// Repeats the method and body on a 301, 302 or 303 too (curl's CURL_REDIR_POST_ALL), for
    /// receivers that move a form POST to another URL and expect it there.
    package var postOnRedirect = false
    /// A flag that aborts the transfer when set from another thread (a cancelled task's
    /// handler sets it); nil when nothing cancels it but its deadline.
    package var cancellation: CurlCancellation?
    /// Which resolved addresses may be connected to, on every hop; nil allows all.
    package var egressPolicy: (any EgressPolicy)?
    /// Skips TLS certificate and host name verification.
    package var insecure = false
    /// A PEM file of the certificate authorities to verify the server with, instead of the
    /// system's (for a private CA or a self-signed server certificate).
    package var caFile: String?
    /// For mail transfers: whether a plain connection is upgraded with STARTTLS. HTTP(S) and
    /// smtps:// ignore it: their TLS is decided by the scheme.
    package var startTLS: StartTLS = .never
    /// For smtp:// and smtps:// URLs: the envelope. With it set, the transfer is an SMTP
    /// submission and ``body`` (as bytes) is the message; without it, an HTTP request.
    package var mail: MailEnvelope?
    /// The User-Agent header.
    package var userAgent = "bearmon"
    /// The most body bytes kept; past it the transfer stops and the response is marked
    /// truncated. 0 stops at the first body byte, for callers that only need the status.
    package var bodyCap = 1 << 20
    /// Opens a new connection and closes it afterwards (and, over HTTP, says `Connection:
    /// close`), so that every request measures a full connect, as a monitor should.
    package var freshConnection = true
    /// Schemes the URL and any redirect may use, in CURLOPT_PROTOCOLS_STR syntax.
    package var allowedProtocols = "http,https"
    /// The proxy to go through; "" means none, whatever `http_proxy` and its kin say, so that
    /// a check measures the target itself and never sends traffic where nobody configured it.
    package var proxy = ""

    /// A GET of `url` that must be over by `deadline`.
    package init(url: String, deadline: Deadline) {
        self.url = url
        self.deadline = deadline
    }

    /// An SMTP submission of `message` to `url` (smtp:// or smtps://) with `envelope`, over
    /// by `deadline`.
    package static func mail(url: String, envelope: MailEnvelope, message: [UInt8], deadline: Deadline) -> CurlRequest {
        var request = CurlRequest(url: url, deadline: deadline)
        request.mail = envelope
        request.body = .bytes(message)
        request.allowedProtocols = "smtp,smtps"
        request.followRedirects = false
        return request
    }

    /// The method on the request line.
    package var effectiveMethod: String {
        method ?? (body == .none ? "GET" : "POST")
    }
}

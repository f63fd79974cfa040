import BearmonSystem

extension CurlRequest {
    /// The statuses whose Location is followed, as by Go's client; any other 3xx is the
    /// response.
    static let redirectStatuses: Set = [301, 302, 303, 307, 308]

    /// Headers that belong to the first URL's origin and are dropped when a redirect leaves
    /// it, as curl and Go drop them: they would hand a secret (or a wrong Host) to a stranger.
    static let originBoundHeaders: Set = ["authorization", "cookie", "host"]

    /// The request for the hop after this one answered `status` with a Location of `location`.
    /// `first` is the chain's first request, at `firstURL`: credentials and origin-bound
    /// headers are taken from it when `location` has its origin, and left out otherwise.
    func redirected(status: Int, to location: CurlURL, first: CurlRequest, firstURL: CurlURL) -> CurlRequest {
        var next = self
        next.url = location.text
        if !(status == 307 || status == 308 || postOnRedirect) {
            next.body = .none
            if effectiveMethod != "HEAD" { next.method = nil }
        }
        let sameOrigin = location.origin == firstURL.origin
        next.credentials = sameOrigin ? first.credentials : nil
        next.headers = sameOrigin ? first.headers : first.headers.filter { !Self.originBoundHeaders.contains($0.name.lowercased()) }
        return next
    }

    /// Whether ``allowedProtocols`` lists `scheme`.
    func allows(scheme: String) -> Bool {
        allowedProtocols.split(separator: ",").contains { $0.trimmingWhitespace().lowercased() == scheme.lowercased() }
    }
}

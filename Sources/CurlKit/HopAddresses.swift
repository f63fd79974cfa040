import BearmonSystem
import CCurl

/// The addresses one hop of a transfer may connect to: its host resolved by CurlKit within
/// the request's deadline (through ``AddressResolver``, as the tcp check does), filtered by
/// the request's ``EgressPolicy``, and pinned in curl with CURLOPT_RESOLVE. curl then never
/// runs its own resolver, whose threads do not give up at the transfer's timeout; the Host
/// header, SNI and certificate checks still use the name.
struct HopAddresses {
    let url: CurlURL
    let addresses: [SocketAddress]

    /// Resolves and approves `url`'s host for `request`. A lookup that fails or outlasts the
    /// deadline is curl's CURLE_COULDNT_RESOLVE_HOST; a host whose every address the policy
    /// refuses is ``CurlError/refused(_:host:)``.
    init(_ url: CurlURL, for request: CurlRequest) throws(CurlError) {
        self.url = url
        var found: [SocketAddress]
        do {
            found = try AddressResolver.resolve(url.connectHost, port: url.port, deadline: request.deadline)
        } catch {
            throw CurlError.local(CURLE_COULDNT_RESOLVE_HOST, function: "AddressResolver.resolve", detail: error.description)
        }
        if let policy = request.egressPolicy {
            do {
                found = try policy.permitted(found, host: url.connectHost)
            } catch {
                throw CurlError.refused(error, host: url.connectHost)
            }
        }
        addresses = found
    }

    /// Hands curl the addresses for the hop's host and port. A literal needs none: curl
    /// parses it without a lookup. A name with a trailing dot is pinned with and without it,
    /// whichever form curl looks up.
    func install(on handle: EasyHandle) throws(CurlError) {
        guard !AddressResolver.isLiteral(url.connectHost) else { return }
        let list = addresses.map { $0.isIPv6 ? "[\($0.ipString)]" : $0.ipString }.joined(separator: ",")
        var names = [url.connectHost]
        if url.connectHost.hasSuffix(".") { names.append(String(url.connectHost.dropLast())) }
        try handle.set(CURLOPT_RESOLVE, HeaderList(names.map { "\($0):\(url.port):\(list)" }))
    }
}

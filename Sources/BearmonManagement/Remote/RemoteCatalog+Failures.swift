import CurlKit

extension RemoteCatalog {
    /// What to tell someone whose `--api` does not lead to a bearmon node.
    private static let addressHint = "--api takes the address of a bearmon standalone or worker node, such as http://127.0.0.1:8888"

    /// A non-2xx answer to `method` as the ``CatalogError`` the node meant, with the fix for a missing or refused token.
    func refusal(_ answer: RemoteAnswer, method: String) -> CatalogError {
        guard let message = answer.errorMessage else {
            return notBearmon(answer, "no bearmon error in a refusal")
        }
        switch answer.status {
        case 401 where token == nil:
            // The node's words speak of headers and sign-in pages; from the CLI, the fix is the variable.
            let scope = method == "GET" ? "read" : "write"
            return CatalogError(.unauthorized, "the node at \(endpoint.shown) needs a token for this: set \(RemoteToken.variable) to a \(scope) token (`bearmon tokens add --name NAME --scope \(scope)`, run where the database is, prints one)")
        case 401:
            return CatalogError(.unauthorized, "the token in \(RemoteToken.variable) was refused: \(message)")
        case 400, 403, 404, 409, 503:
            return CatalogError(CatalogError.Kind(rawValue: answer.status) ?? .invalid, message)
        case 500...:
            return CatalogError(.unavailable, "the node at \(endpoint.shown) failed (HTTP \(answer.status)): \(message)")
        default:
            return CatalogError(.invalid, "\(message) (HTTP \(answer.status))")
        }
    }

    /// The error for an answer that did not come from a bearmon API.
    func notBearmon(_ answer: RemoteAnswer, _ reason: String) -> CatalogError {
        let what = [answer.contentType, answer.excerpt.isEmpty ? "an empty body" : "\"\(answer.excerpt)\""].compactMap { $0 }.joined(separator: ", ")
        return CatalogError(.unavailable, "\(endpoint.shown) does not answer as a bearmon API: \(reason) (HTTP \(answer.status), \(what)); \(Self.addressHint)")
    }

    /// The error for a request that got no HTTP answer.
    func unreachable(_ error: CurlError) -> CatalogError {
        let detail = error.message
        if error.isResolveFailure {
            return CatalogError(.unavailable, "cannot find the node at \(endpoint.shown): \(detail); check the host name in --api")
        }
        if error.isConnectFailure {
            return CatalogError(.unavailable, "cannot connect to the node at \(endpoint.shown): \(detail); is bearmon running there, and are the host and port in --api right?")
        }
        if error.isTLSFailure {
            // A TLS handshake with a plain-HTTP server fails on its first bytes, which do not parse as a record.
            let plain = detail.lowercased().contains("wrong version number") || detail.lowercased().contains("packet length too long")
            let fix = plain ? "the node seems to serve plain HTTP: use http://" : "if the node's certificate comes from a private CA, give that CA with --api-ca FILE"
            return CatalogError(.unavailable, "TLS with the node at \(endpoint.shown) failed: \(detail); \(fix)")
        }
        if error.isNotHTTP {
            let fix = endpoint.cleartext ? "if the node serves TLS, use https://; else " : ""
            return CatalogError(.unavailable, "\(endpoint.shown) did not answer HTTP: \(detail); \(fix)\(Self.addressHint)")
        }
        if error.isTimeout {
            return CatalogError(.unavailable, "the node at \(endpoint.shown) did not answer within \(timeout.inMilliseconds / 1000) s: \(detail)")
        }
        return CatalogError(.unavailable, "request to the node at \(endpoint.shown) failed: \(error)")
    }
}

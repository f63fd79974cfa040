package import Hummingbird

extension AccessPolicy {
    /// Whether `request` may read everything (the access rule's read: a read or write token,
    /// a session, or open reads), for routes on ``NodeServer/open`` that serve the public part
    /// to anyone else (badges, a public check's uptime). A bearer token that is sent must be
    /// valid, as everywhere (401 otherwise); a session cookie that no longer works is not an
    /// error here, only no access beyond the public part, as an open page ignores cookies.
    package func mayRead(_ request: Request, context: NodeRequestContext) async throws -> Bool {
        if openReads {
            try await admit(request, context: context, open: true)
            return true
        }
        if request.headers[.authorization] != nil {
            return try await admit(request, context: context, open: false) != nil
        }
        guard SessionCookie.find(in: request.headers[values: .cookie]) != nil else { return false }
        do {
            return try await admit(request, context: context, open: false) != nil
        } catch let refusal as NodeHTTPError where refusal.status == .unauthorized {
            return false
        }
    }
}

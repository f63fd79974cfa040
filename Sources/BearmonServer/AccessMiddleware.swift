import Hummingbird

/// Holds the routes of a group to the access rule (``AccessPolicy``) before they run: the
/// routes of ``NodeServer/guarded``, and monitor-srv's pushes with their own openness and
/// `[push] token` (see ``NodeServer/pushGuarded(token:)``).
struct AccessMiddleware: RouterMiddleware {
    typealias Context = NodeRequestContext

    let policy: AccessPolicy
    /// Whether writes through this group need no token (pushes on a loopback-only node
    /// with open reads and no `[push] token`); reads follow the policy.
    var openWrites = false
    /// A secret that authorises requests here besides API tokens (`[push] token`).
    var extra: AccessPolicy.ExtraToken?
    /// Whether a reader refused for want of a token is sent to `/login` (web pages, which a
    /// person opens in a browser) instead of answered 401 (the API, which programs read).
    var signsIn = false

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let open = AccessPolicy.needed(request.method) == .read ? policy.openReads : openWrites
        // A node without a store has no tokens, so nothing here can be served on it at all.
        var context = context
        do {
            context.tokenName = try await policy.admit(request, context: context, open: open && policy.tokens != nil, alsoAllowed: extra)?.name
        } catch let refusal as NodeHTTPError where signsIn && refusal.status == .unauthorized && AccessPolicy.needed(request.method) == .read {
            return Response(status: .seeOther, headers: [.location: SignIn.location(returningTo: request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")),
                                                          .cacheControl: "no-store"])
        }
        return try await next(request, context)
    }
}

package import BearmonCore
package import BearmonServer
import Foundation
package import Hummingbird

/// The pages' routes: the dashboard and check pages on the guarded group (the access rule:
/// read token, session cookie or `[api] openReads`), the status page and its feed on the open one.
package enum WebRoutes {
    /// Pages block on the store: they are built here, off Swift's cooperative pool, one at a time.
    static let executor = BlockingExecutor(label: "bearmon.web")

    /// Serves `pages`: `/` and `/checks/{id}` on `guarded` (``NodeServer/pages``: the access rule, sending readers without a token to `/login`), `/status`, `/status/{tag}` and
    /// `/status/feed.atom` on `open`. `secure` says whether the node serves TLS (for the feed's links);
    /// `rounds` asks the acting controller for the shown checks' rounds (nil, or nil answered: "unknown").
    package static func add(guarded: RouterGroup<NodeRequestContext>, open: RouterGroup<NodeRequestContext>, pages: WebPages, secure: Bool,
                            rounds: (@Sendable (_ checkIDs: [Int64]) async -> [Int64: CheckRound]?)? = nil) {
        guarded.get("/") { request, _ in
            let query = DashboardQuery(formParameters(request.uri.query ?? ""))
            let selection = try await stored { try pages.dashboardSelection(query) }
            let current = await rounds?(selection.shownIDs).map(CurrentRounds.init)
            return try await html { try pages.dashboard(selection, rounds: current) }
        }
        guarded.get("checks/:id") { _, context in
            let text = context.parameters.get("id") ?? ""
            guard let id = Int64(text), id > 0 else {
                return try await html(.notFound) { pages.message("There is no check \(text.prefix(64)); check ids are whole numbers above 0.", title: "No such check", guarded: true) }
            }
            if let page = try await html(body: { try pages.checkPage(id) }) { return page }
            return try await html(.notFound) { pages.message("Check \(id) does not exist.", title: "No such check", guarded: true) }
        }
        open.get("status") { _, _ in
            try await html { try pages.statusPage(tag: nil) ?? "" }
        }
        open.get("status/feed.atom") { request, _ in
            let base = baseURL(request, secure: secure)
            let body = try await executor.run { try pages.feed(base: base) }
            return Response(status: .ok, headers: [.contentType: "application/atom+xml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        open.get("status/:tag") { _, context in
            let tag = context.parameters.get("tag") ?? ""
            if let page = try await html(body: { try pages.statusPage(tag: tag) }) { return page }
            return try await html(.notFound) {
                pages.message("No public check has the tag \(tag.prefix(200)).", title: pages.settings.title, guarded: false)
            }
        }
    }

    /// Answers 404 with `reason` on every page's path, for a node without a store (the viewserver).
    package static func unavailable(on group: RouterGroup<NodeRequestContext>, reason: String) {
        for path in ["/", "checks/**", "status", "status/**"] {
            group.get(RouterPath(path)) { _, _ -> Response in throw NodeHTTPError(.notFound, reason) }
        }
    }

    /// A page built off the event loop, as HTML with `status`.
    static func html(_ status: HTTPResponse.Status = .ok, _ body: @escaping @Sendable () throws -> String) async throws -> Response {
        try await html(status, body: body)!
    }

    /// A page built off the event loop, as HTML with `status`; nil when `body` has none.
    static func html(_ status: HTTPResponse.Status = .ok, body: @escaping @Sendable () throws -> String?) async throws -> Response? {
        guard let text = try await stored(body) else { return nil }
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// `body`'s answer, read from the store off the event loop; its failure is the store's.
    static func stored<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        do {
            return try await executor.run(body)
        } catch {
            throw NodeHTTPError.storeDown(error)
        }
    }

    /// A query string as an HTML form sends it: `+` is a space, then percent-decoding; the
    /// first value of a repeated name wins.
    static func formParameters(_ query: String) -> [String: String] {
        var parameters: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let name = decode(parts[0])
            if parameters[name] == nil { parameters[name] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        return parameters
    }

    /// The node's URL as the client addressed it (`http://127.0.0.1:8888`), or "" when the
    /// Host header holds anything but a host and port (the feed's links are then relative).
    static func baseURL(_ request: Request, secure: Bool) -> String {
        guard let authority = request.head.authority, !authority.isEmpty, authority.count <= 255,
              authority.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || ".-:[]".unicodeScalars.contains($0)) })
        else { return "" }
        return (secure ? "https://" : "http://") + authority
    }
}

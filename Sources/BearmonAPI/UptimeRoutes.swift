import BearmonCore
package import BearmonManagement
package import BearmonServer
import Foundation
package import Hummingbird
import NIOCore

/// A check's uptime as JSON and its badges, under `/api/v1/checks/{id}/`: `uptime`,
/// `badge/status.svg`, `badge/uptime/{24h|7d|30d|90d}.svg` and `badge/latency/{24h|7d|30d}.svg`.
/// They sit on ``NodeServer/open``: anyone gets them for a check marked public, and a caller
/// the access rule lets read gets them for any check (``AccessPolicy/mayRead(_:context:)``);
/// a private check is otherwise 404, the same answer as a missing one.
package enum UptimeRoutes {
    /// How long a client or cache may keep an answer: uptime moves slowly, status within a round.
    static let maxAgeSeconds = 60

    /// Serves the routes on `group` (``NodeServer/open``) from `service`, asking `access` who may read.
    package static func add(to group: RouterGroup<NodeRequestContext>, service: UptimeService, access: AccessPolicy) {
        APIRoutes.register(endpoints(service, access: access), on: group)
    }

    /// The operations (also described in the OpenAPI document).
    package static func endpoints(_ service: UptimeService, access: AccessPolicy) -> [APIEndpoint] {
        [
            APIEndpoint(method: .get, path: "checks/{id}/uptime") { request, context in
                let (id, visibility) = try await caller(request, context, access)
                let report = try await APIRoutes.executor.run { try service.uptime(of: try service.subject(id, visibility)) }
                return cached(try CatalogJSON.response(report), request)
            },
            APIEndpoint(method: .get, path: "checks/{id}/badge/status.svg") { request, context in
                let (id, visibility) = try await caller(request, context, access)
                let row = try await APIRoutes.executor.run { try service.subject(id, visibility).row }
                return svg(statusBadge(row), request)
            },
            windowBadge("uptime", windows: UptimeReader.windows.map(\.name), service: service, access: access, read: { try service.uptime(of: $0) }, draw: uptimeBadge),
            windowBadge("latency", windows: UptimeReader.latencyWindows.map(\.name), service: service, access: access, read: { try service.latency(of: $0) }, draw: latencyBadge),
        ]
    }

    /// `GET checks/{id}/badge/KIND/{window}.svg`: the value `read` gives for the window (one of
    /// `windows`), drawn by `draw`.
    private static func windowBadge(_ kind: String, windows: [String], service: UptimeService, access: AccessPolicy,
                                    read: @escaping @Sendable (UptimeService.Subject) throws -> [String: Double?],
                                    draw: @escaping @Sendable (Double?, String, String) -> Badge) -> APIEndpoint {
        APIEndpoint(method: .get, path: "checks/{id}/badge/\(kind)/{window}.svg") { request, context in
            let window = try windowName(context, among: windows)
            let (id, visibility) = try await caller(request, context, access)
            let (name, value) = try await APIRoutes.executor.run {
                let subject = try service.subject(id, visibility)
                return (subject.row.name, try read(subject)[window] ?? nil)
            }
            return svg(draw(value, window, name), request)
        }
    }

    /// The check id of the path and what the caller may see.
    private static func caller(_ request: Request, _ context: NodeRequestContext, _ access: AccessPolicy) async throws -> (Int64, UptimeService.CheckVisibility) {
        let id = try APIInput.id(context, noun: "check", collection: "checks")
        return (id, try await access.mayRead(request, context: context) ? .reader : .anonymous)
    }

    /// The `{window}` of the path, one of `windows`.
    private static func windowName(_ context: NodeRequestContext, among windows: [String]) throws(CatalogError) -> String {
        let window = context.parameters.get("window") ?? ""
        guard windows.contains(window) else {
            throw CatalogError(.invalid, "window \(APIInput.quoted(window)) is not one of \(windows.joined(separator: ", "))")
        }
        return window
    }

    /// `response` with a short `Cache-Control`: shared caches may keep it only when the request
    /// carried no credentials, since then anyone else without them gets the same answer.
    private static func cached(_ response: Response, _ request: Request) -> Response {
        var response = response
        let credentials = request.headers[.authorization] != nil || request.headers[.cookie] != nil
        response.headers[.cacheControl] = "\(credentials ? "private" : "public"), max-age=\(maxAgeSeconds)"
        response.headers[.vary] = "Authorization, Cookie"
        return response
    }

    /// `badge` as an SVG answer.
    private static func svg(_ badge: Badge, _ request: Request) -> Response {
        cached(Response(status: .ok, headers: [.contentType: "image/svg+xml"], body: .init(byteBuffer: ByteBuffer(string: badge.svg))), request)
    }

    /// "status | online": the stored status, or disabled, or unknown before any round.
    static func statusBadge(_ row: CheckRow) -> Badge {
        let (message, color): (String, String) = switch (row.enabled, row.status) {
        case (false, _): ("disabled", Badge.Color.neutral)
        case (true, CheckStatus.online.rawValue): ("online", Badge.Color.good)
        case (true, CheckStatus.offline.rawValue): ("offline", Badge.Color.bad)
        default: ("unknown", Badge.Color.neutral)
        }
        return Badge(label: "status", message: message, color: color, subject: row.name)
    }

    /// "uptime 24h | 99.93%": the ratio as a percentage cut (not rounded) to two decimals, so
    /// that 99.999% never shows as 100%; "no data" when nothing was monitored.
    static func uptimeBadge(_ ratio: Double?, window: String, name: String) -> Badge {
        let label = "uptime \(window)"
        guard let ratio, ratio.isFinite else { return Badge(label: label, message: "no data", color: Badge.Color.neutral, subject: name) }
        let hundredths = Int((min(1, max(0, ratio)) * 10_000 + 1e-7).rounded(.down))
        let message = hundredths == 10_000 ? "100%" : String(format: "%d.%02d%%", hundredths / 100, hundredths % 100)
        let color = switch ratio {
        case 0.999...: Badge.Color.good
        case 0.99...: Badge.Color.fair
        case 0.95...: Badge.Color.warning
        case 0.9...: Badge.Color.poor
        default: Badge.Color.bad
        }
        return Badge(label: label, message: message, color: color, subject: name)
    }

    /// "latency 24h | 123 ms": the mean of the window's results, whole milliseconds under a
    /// second and seconds with two decimals above; "no data" without results.
    static func latencyBadge(_ mean: Double?, window: String, name: String) -> Badge {
        let label = "latency \(window)"
        guard let mean, mean.isFinite else { return Badge(label: label, message: "no data", color: Badge.Color.neutral, subject: name) }
        let message = mean < 999.5 ? "\(Int(max(0, mean).rounded())) ms" : String(format: "%.2f s", mean / 1_000)
        return Badge(label: label, message: message, color: Badge.Color.info, subject: name)
    }
}

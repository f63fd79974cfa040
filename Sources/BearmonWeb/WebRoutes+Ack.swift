package import BearmonCore
package import BearmonManagement
package import BearmonServer
import BearmonStore
import Foundation
import HTTPTypes
package import Hummingbird

extension WebRoutes {
    /// The longest form an acknowledge page accepts (a 1,024-character comment, encoded).
    static let ackFormLimit = 16 * 1024

    /// Serves acknowledge links on `open` (no sign-in: the link's signature is the
    /// permission): `GET /ack/{event}?sig=` shows what it would acknowledge and a form,
    /// and only `POST /ack/{event}` acknowledges, once.
    package static func addAckLinks(open: RouterGroup<NodeRequestContext>, pages: WebPages, links: AckLinks) {
        open.get("ack/:event") { request, context in
            let event = context.parameters.get("event") ?? ""
            let signature = formParameters(request.uri.query ?? "")["sig"] ?? ""
            return try await ackAnswer(event: event, signature: signature, pages: pages, links: links) { target in
                (.ok, pages.ackPage(target, signature: signature))
            }
        }
        open.post("ack/:event") { request, context in
            let event = context.parameters.get("event") ?? ""
            var request = request
            guard request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") ?? false else {
                return ackResponse(.unsupportedMediaType, pages.message("Send the acknowledge page's form (application/x-www-form-urlencoded).", title: "Acknowledge", guarded: false))
            }
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: ackFormLimit)
            } catch {
                return ackResponse(.contentTooLarge, pages.message("The form is larger than \(ackFormLimit) bytes.", title: "Acknowledge", guarded: false))
            }
            let form = formParameters(String(buffer: body))
            return try await ackAnswer(event: event, signature: form["sig"] ?? "", pages: pages, links: links) { target in
                do {
                    let ack = try pages.store.acknowledge(viaEvent: target.eventID, comment: form["comment"] ?? "", now: pages.now())
                    return (.ok, pages.acknowledged(ack, checkName: target.checkName))
                } catch StoreError.conflict(let why), StoreError.invalid(let why), StoreError.notFound(let why) {
                    // Used meanwhile, or the outage ended: the page says which, as GET would.
                    let latest = try pages.store.ackLinkTarget(eventID: target.eventID) ?? target
                    return (.conflict, latest.usedBy == nil ? pages.message(WebPages.sentence(why), title: "Acknowledge \(target.checkName)", guarded: false)
                                                           : pages.ackPage(latest, signature: ""))
                } catch StoreError.tooLong(let field, _, let limit) {
                    return (.badRequest, pages.message("The \(field) is longer than \(limit) characters; shorten it and send the form again.",
                                                       title: "Acknowledge \(target.checkName)", guarded: false))
                }
            }
        }
    }

    /// A checked link's answer: 404 for a link that does not verify (never saying whether the
    /// event exists), 410 for one whose notification is gone, else what `body` makes of it.
    private static func ackAnswer(event: String, signature: String, pages: WebPages, links: AckLinks,
                                  _ body: @escaping @Sendable (AckLinkTarget) throws -> (HTTPResponse.Status, String)) async throws -> Response {
        let invalid = "This acknowledge link is not valid: open the whole link from the notification, as it was sent."
        guard event.utf8.count <= 64, event.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") }),
              signature.utf8.count == 64 else {
            return ackResponse(.notFound, pages.message(invalid, title: "Acknowledge", guarded: false))
        }
        let answer: (HTTPResponse.Status, String) = try await stored {
            guard try links.verify(eventID: event, signature: signature) else { return (.notFound, pages.message(invalid, title: "Acknowledge", guarded: false)) }
            guard let target = try pages.store.ackLinkTarget(eventID: event) else {
                return (.gone, pages.message("This acknowledge link has expired: its notification is no longer kept.", title: "Acknowledge", guarded: false))
            }
            return try body(target)
        }
        return ackResponse(answer.0, answer.1)
    }

    /// A page that must not be cached, framed, indexed, or leak its link as a referrer.
    private static func ackResponse(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [
            .contentType: "text/html; charset=utf-8", .cacheControl: "no-store", HTTPField.Name("Referrer-Policy")!: "no-referrer",
            HTTPField.Name("X-Robots-Tag")!: "noindex", .contentSecurityPolicy: "frame-ancestors 'none'", HTTPField.Name("X-Frame-Options")!: "DENY",
        ], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

import BearmonCore
import BearmonManagement
import BearmonServer
import Foundation
import Hummingbird

/// Reading an API request: the id in its path, the page a list asks for, and its JSON object
/// body. Each refusal is a 400 (415 for a body that is not declared JSON) naming what to fix.
enum APIInput {
    /// The query parameters every list takes.
    static let pageParameters = ["limit", "cursor"]
    /// The media types a body may be sent as; a merge patch may also say so (RFC 7386).
    static let jsonMediaTypes = ["application/json"]
    static let patchMediaTypes = ["application/json", "application/merge-patch+json"]

    /// The `{id}` of the path, for a resource called `noun` listed at `collection`.
    static func id(_ context: NodeRequestContext, noun: String, collection: String) throws(CatalogError) -> Int64 {
        let text = context.parameters.get("id") ?? ""
        guard let id = Int64(text) else {
            throw CatalogError(.invalid, "\(noun) id \(quoted(text)) is not a number; use an id from GET /\(APIRoutes.prefix)/\(collection)")
        }
        return id
    }

    /// The page a list asks for (`limit`, `cursor`) and the values of its `filters`. Unknown
    /// or repeated parameters are refused rather than ignored, as unknown body fields are.
    static func page(_ request: Request, filters: [String] = [], known pageKnown: [String] = pageParameters) throws(CatalogError) -> (PageRequest, [String: String]) {
        let known = pageKnown + filters
        var values: [String: String] = [:]
        for (name, value) in request.uri.queryParameters {
            let name = String(name)
            guard known.contains(name) else {
                let takes = known.isEmpty ? "this path takes none" : "this list takes \(known.joined(separator: ", "))"
                throw CatalogError(.invalid, "unknown query parameter \(quoted(name)); \(takes)")
            }
            guard values[name] == nil else { throw CatalogError(.invalid, "query parameter \(name) is given twice; give it once") }
            values[name] = String(value)
        }
        var page = PageRequest()
        if let text = values.removeValue(forKey: "limit") {
            guard let limit = Int(text), (1...PageRequest.maxLimit).contains(limit) else {
                throw CatalogError(.invalid, "limit \(quoted(text)) is not a number from 1 to \(PageRequest.maxLimit)")
            }
            page.limit = limit
        }
        if let cursor = values.removeValue(forKey: "cursor") {
            guard !cursor.isEmpty else { throw CatalogError(.invalid, "cursor is empty; leave it out for the first page, or pass a list's \"next\"") }
            page.cursor = cursor
        }
        return (page, values)
    }

    /// `?quiet=true|false` of a delete or an update that may disable (false when absent);
    /// any other parameter is refused.
    static func quiet(_ request: Request) throws(CatalogError) -> Bool {
        let (_, values) = try page(request, filters: ["quiet"], known: [])
        switch values["quiet"] {
        case nil, "false": return false
        case "true": return true
        case let other?: throw CatalogError(.invalid, "quiet \(quoted(other)) must be true or false; true sends no removed notifications")
        }
    }

    /// The body as a JSON object, declared as one of `mediaTypes`.
    static func object(_ request: Request, context: NodeRequestContext, mediaTypes: [String] = jsonMediaTypes) async throws -> JSONValue {
        let declared = request.headers[.contentType].map(mediaType) ?? ""
        guard mediaTypes.contains(declared) else {
            let sent = declared.isEmpty ? "no Content-Type" : "Content-Type \(quoted(declared))"
            throw NodeHTTPError(.unsupportedMediaType, "the body was sent with \(sent); send a JSON object with Content-Type: \(mediaTypes.joined(separator: " or "))")
        }
        var request = request
        let bytes = try await request.collectBody(upTo: context.maxUploadSize)
        guard bytes.readableBytes > 0 else { throw CatalogError(.invalid, "the body is empty; send a JSON object") }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: bytes))
        } catch {
            throw CatalogError(.invalid, "the body is not valid JSON (\(reason(error))); send a JSON object")
        }
        guard case .object = value else { throw CatalogError(.invalid, "the body is \(value.typeDescription); send a JSON object") }
        return value
    }

    /// `Content-Type` without parameters (`; charset=utf-8`), lowercased.
    private static func mediaType(_ header: String) -> String {
        header.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }

    /// Why JSON did not parse, in one line.
    private static func reason(_ error: any Error) -> String {
        guard case DecodingError.dataCorrupted(let context) = error else { return "\(error)" }
        let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
        return underlying ?? context.debugDescription
    }

    /// `text` in quotes for a message, cut short: it comes from the client and may be huge.
    static func quoted(_ text: String) -> String {
        let limit = 64
        return "'" + (text.count > limit ? text.prefix(limit) + "..." : text) + "'"
    }
}

import Foundation
import CurlKit

/// A webhook's own body, such as `{"text":"{{name}} is {{status}}: {{message}}"}` for Slack.
/// Each `{{field}}` (spaces inside the braces allowed) takes a field's value, escaped for the
/// request's Content-Type: as a JSON string's content for JSON (the default), form-encoded
/// for a form, as it is otherwise. Braces that do not close are sent as they are.
struct BodyTemplate {
    let text: String

    init(_ text: String) { self.text = text }

    /// The placeholders' names, in order.
    var fieldNames: [String] { pieces.compactMap { if case .field(let name) = $0 { name } else { nil } } }

    /// Why the template cannot be rendered, or nil: a placeholder that names no field.
    var problem: String? {
        guard let unknown = fieldNames.first(where: { !WebhookFields.names.contains($0) }) else { return nil }
        return "{{\(unknown)}} is not a field; use \(WebhookFields.names.sorted().joined(separator: ", "))"
    }

    /// The body for `fields`, adding `Content-Type: application/json` to `headers` unless
    /// they name one.
    func body(_ fields: WebhookFields, headers: inout [CurlRequest.Header]) -> CurlRequest.Body {
        let given = headers.last { $0.name.lowercased() == "content-type" }?.value.lowercased()
        if given == nil { headers.append(CurlRequest.Header("Content-Type", "application/json")) }
        let type = given ?? "application/json"
        let escape: (String) -> String =
            if type.contains("json") { JSONText.escape } else if type.contains("x-www-form-urlencoded") { FormField.escape } else { { $0 } }
        return .bytes(Array(render(fields, escape: escape).utf8))
    }

    /// The text with each placeholder replaced by its escaped value.
    func render(_ fields: WebhookFields, escape: (String) -> String) -> String {
        pieces.map { piece in
            switch piece {
            case .literal(let text): text
            case .field(let name): fields.value(name).map(escape) ?? "{{\(name)}}"
            }
        }.joined()
    }

    private enum Piece {
        case literal(String)
        case field(String)
    }

    /// The text cut into literals and placeholders.
    private var pieces: [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            pieces.append(.literal(String(rest[..<open.lowerBound])))
            pieces.append(.field(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)))
            rest = rest[close.upperBound...]
        }
        pieces.append(.literal(String(rest)))
        return pieces
    }
}

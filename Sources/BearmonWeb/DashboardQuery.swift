import Foundation

/// The dashboard's filters, from its query string: `q` (name contains, any case), `status`
/// (online, offline, unknown, disabled), `type`, `tag`, `page` (from 1). Anything else, or a
/// value out of range, is ignored or clamped: a filter form never answers an error.
package struct DashboardQuery: Sendable, Equatable {
    /// The longest search or filter value kept.
    package static let maxLength = 200
    /// The states a check can be filtered by.
    package static let states = ["online", "offline", "unknown", "disabled"]

    /// `q`, trimmed; empty for none.
    package var search: String
    /// `status`, one of ``states``, or nil.
    package var status: String?
    /// `type`, or nil.
    package var type: String?
    /// `tag`, or nil.
    package var tag: String?
    /// `page`, at least 1.
    package var page: Int

    /// Filters from `parameters` (the request's query, decoded).
    package init(_ parameters: [String: String]) {
        func value(_ name: String) -> String? {
            guard let text = parameters[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return String(text.prefix(Self.maxLength))
        }
        search = value("q") ?? ""
        status = value("status").flatMap { Self.states.contains($0) ? $0 : nil }
        type = value("type")
        tag = value("tag")
        page = max(1, min(Int(value("page") ?? "") ?? 1, 1_000_000))
    }

    /// The query string of these filters on page `page` (nil: none), percent-encoded.
    package func link(page: Int?) -> String {
        var pairs: [(String, String)] = []
        if !search.isEmpty { pairs.append(("q", search)) }
        if let status { pairs.append(("status", status)) }
        if let type { pairs.append(("type", type)) }
        if let tag { pairs.append(("tag", tag)) }
        if let page, page > 1 { pairs.append(("page", String(page))) }
        return "/" + (pairs.isEmpty ? "" : "?" + pairs.map { "\($0)=\(Self.encode($1))" }.joined(separator: "&"))
    }

    /// `text` percent-encoded for a query value (unreserved characters kept).
    static func encode(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.append(Character(UnicodeScalar(byte)))
            default:
                encoded += String(format: "%%%02X", byte)
            }
        }
        return encoded
    }
}

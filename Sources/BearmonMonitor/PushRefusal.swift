/// Why a push or a query was refused: the HTTP status to answer and the reason, which names
/// the field or limit concerned.
package struct PushRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// 400, 401, 404 or 413.
    package let status: Int
    /// What is wrong.
    package let reason: String

    /// 400: the input is wrong.
    static func badRequest(_ reason: String) -> PushRefusal { PushRefusal(status: 400, reason: reason) }
    /// 404: nothing has that id.
    static func notFound(_ reason: String) -> PushRefusal { PushRefusal(status: 404, reason: reason) }

    /// The reason.
    package var description: String { reason }
}
